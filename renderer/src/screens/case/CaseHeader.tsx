/** 案号, 当事人, 违法行为, 承办人 at a glance, with the current stage. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { ReactNode } from 'react';
import type { CaseView } from '#common/schemas/cases';
import { hrefOf } from '#renderer/app/route';
import { articlesText } from '#renderer/util/articles';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" data-testid={testId} sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

export function CaseHeader({ view }: { view: CaseView }) {
  const { state } = view;
  const closed = state.node === 'closed';
  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Tooltip title="返回案件列表">
          <IconButton component="a" href={hrefOf({ name: 'cases' })} size="small" aria-label="返回案件列表">
            <ArrowBackIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Typography variant="h5" component="h1" data-testid="case-number">
          {state.number}
        </Typography>
        <Chip data-testid="case-node" label={view.nodeName} color={closed ? 'success' : 'primary'} size="small" />
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" color="text.secondary">
          立案日期 {state.filedOn} · 案件来源 {state.source}
        </Typography>
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1.2fr 1.6fr 1.2fr' } }}>
        <Fact label="当事人" testId="case-party">
          {state.party.name}
          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {state.party.uscc} · 法定代表人 {state.party.legalRepresentative}
          </Typography>
        </Fact>
        <Fact label="违法行为" testId="case-violation">
          {state.violation.name}
          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            违反{articlesText(state.violation.breached)}
          </Typography>
        </Fact>
        <Fact label="承办人" testId="case-officers">
          {state.officers.map((o) => (
            <Box component="span" key={o.id} sx={{ display: 'block' }}>
              {o.name}
              <Typography component="span" variant="caption" color="text.secondary">
                （{o.certificateNo}）
              </Typography>
            </Box>
          ))}
        </Fact>
      </Box>
    </Paper>
  );
}
