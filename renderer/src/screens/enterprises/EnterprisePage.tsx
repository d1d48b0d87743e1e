/** 企业详情: the enterprise's record, its cases and its on-site inspection records (现场检查笔录). */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { EnterpriseDetail } from '#common/schemas/enterprises';
import { useOp } from '#renderer/hooks/useOp';
import { hrefOf } from '#renderer/app/route';
import { Section } from '#renderer/components/Section';
import { formatInstant } from '#renderer/util/dates';

function Details({ e }: { e: EnterpriseDetail }) {
  const items: Array<[string, string]> = [
    ['统一社会信用代码', e.uscc],
    ['法定代表人', e.legalRepresentative || '—'],
    ['地址', e.address || '—'],
    ['所属区县', e.countyCode ? `${e.county}（${e.countyCode}）` : e.county || '—'],
    ['行业代码（GB/T 4754）', e.industryCode || '—'],
    ['经纬度', e.longitude !== null && e.latitude !== null ? `${e.longitude}，${e.latitude}` : '—'],
    ['排污许可证编号', e.permitNumbers.join('、') || '—'],
    ['来源', e.source ? `${e.source}${e.importedAt ? `（${formatInstant(e.importedAt)}导入）` : ''}` : '演示数据'],
  ];
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}
      data-testid="enterprise-details"
    >
      {items.map(([k, v]) => [
        <Typography key={`${k}-k`} component="dt" variant="body2" color="text.secondary">
          {k}
        </Typography>,
        <Typography key={`${k}-v`} component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
          {v}
        </Typography>,
      ])}
    </Box>
  );
}

export function EnterprisePage({ id }: { id: string }) {
  const { data, error } = useOp('enterprises.get', { id });

  const back = (
    <Button href={hrefOf({ name: 'enterprises' })} startIcon={<ArrowBackIcon />} size="small">
      企业名录
    </Button>
  );
  if (error)
    return (
      <Stack spacing={2}>
        {back}
        <Alert severity="error">{error}</Alert>
      </Stack>
    );
  if (!data)
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 8 }}>
        <CircularProgress />
      </Box>
    );
  const e = data.enterprise;
  return (
    <Stack spacing={2} data-testid="enterprise-page">
      <div>{back}</div>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" data-testid="enterprise-name">
          {e.name}
        </Typography>
        {e.keyPolluter.map((k) => (
          <Chip key={k} size="small" color="warning" label={k} />
        ))}
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title="基本信息">
            <Details e={e} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Stack spacing={2}>
            <Section title="案件" subtitle={`${data.cases.length}件`} testId="enterprise-cases">
              {/* cases the user is not on are counted, never shown (docs/security.md). */}
              {data.otherCases > 0 && (
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="enterprise-other-cases">
                  另有{data.otherCases}件本局案件非您承办，不显示详情；如需了解请询问负责人或法制审核人员。
                </Typography>
              )}
              {data.cases.length === 0 ? (
                data.otherCases === 0 && (
                  <Typography variant="body2" color="text.secondary">
                    该企业没有案件。
                  </Typography>
                )
              ) : (
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>案件编号</TableCell>
                      <TableCell>违法行为</TableCell>
                      <TableCell>当前环节</TableCell>
                      <TableCell>立案日期</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.cases.map((c) => (
                      <TableRow key={c.id} data-testid="enterprise-case-row">
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Link href={hrefOf({ name: 'case', caseId: c.id, tab: 'documents' })}>{c.number}</Link>
                        </TableCell>
                        <TableCell>{c.violationName}</TableCell>
                        <TableCell>
                          <Chip
                            size="small"
                            label={c.nodeName}
                            color={c.closed ? 'default' : 'primary'}
                            variant={c.closed ? 'filled' : 'outlined'}
                          />
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.filedOn}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Section>
            <Section
              title="现场检查"
              subtitle={`${data.inspections.length}份现场检查（勘察）笔录`}
              testId="enterprise-inspections"
            >
              {data.inspections.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  该企业没有现场检查记录。
                </Typography>
              ) : (
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>检查时间</TableCell>
                      <TableCell>地点</TableCell>
                      <TableCell>检查情况</TableCell>
                      <TableCell>案件</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.inspections.map((i) => (
                      <TableRow key={i.documentId} data-testid="enterprise-inspection-row">
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          {i.inspectionTime.replace('T', ' ') || formatInstant(i.generatedAt)}
                        </TableCell>
                        <TableCell>{i.place}</TableCell>
                        <TableCell sx={{ maxWidth: 320 }}>{i.findings}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Link href={hrefOf({ name: 'case', caseId: i.caseId, tab: 'documents' })}>
                            {i.caseNumber}
                          </Link>
                          {i.version > 1 && (
                            <Typography variant="caption" color="text.secondary">
                              {' '}
                              第{i.version}版
                            </Typography>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Section>
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}
