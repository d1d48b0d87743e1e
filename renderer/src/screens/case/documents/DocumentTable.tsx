/**
 * The case's documents, newest first: name, 文号, version, time, with 预览 / 打印 / 下载DOCX. A version
 * a newer one replaced is marked 已被替换, greyed and not counted (the dossier and 卷内目录 skip it too);
 * re-import and 定稿 apply to the newest version of each document only.
 */
import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { DocumentVersionActions, ReimportResultDialog, type Changes } from './DocumentVersionActions';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CaseView, DocumentRecord } from '#common/schemas/cases';
import { useNotifier } from '#renderer/app/notifier';
import { loadPdf } from '#renderer/preview/pdfSource';
import { printPdf } from '#renderer/preview/printPdf';
import { readFile } from '#renderer/api/files';
import { downloadBlob, safeFileName } from '#renderer/util/binary';
import { formatInstant } from '#renderer/util/dates';
import { titleOf } from './documentTitle';
import { documentTypeName } from '#common/documentTypeNames';
import { supersededIds } from '#common/documentSlots';
import { useScrollToFocus } from '../useScrollToFocus';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Props {
  caseId: string;
  documents: DocumentRecord[];
  onPreview(d: DocumentRecord): void;
  /** The case changed (a re-imported version, a finalised document): fetch it again. */
  onChanged(): void;
  /** what the core would refuse on a document now (定稿 before its approval), from the case view. */
  gates?: CaseView['documentGates'];
  /** The document a search hit opened the case at: highlighted and scrolled to. */
  focus?: string;
}

export function DocumentTable({ caseId, documents, onPreview, onChanged, gates = [], focus }: Props) {
  const notifier = useNotifier();
  const [busy, setBusy] = useState<string | null>(null);
  const [imported, setImported] = useState<{ version: number; changes: Changes } | null>(null);
  const sorted = [...documents].sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
  const replaced = supersededIds(documents);
  useScrollToFocus(
    focus,
    'data-document-id',
    documents.some((d) => d.id === focus),
  );

  const withBusy = async (key: string, work: () => Promise<void>): Promise<void> => {
    setBusy(key);
    try {
      await work();
    } catch (e) {
      notifier.error(e);
    } finally {
      setBusy(null);
    }
  };

  const print = (d: DocumentRecord) =>
    withBusy(`print:${d.id}`, async () => {
      const pdf = await loadPdf({ kind: 'document', caseId, documentId: d.id, title: titleOf(d) });
      const r = await printPdf(pdf.title, pdf);
      if (r.ok) notifier.info(r.message);
      else notifier.error(r.message);
    });

  const downloadDocx = (d: DocumentRecord) =>
    withBusy(`docx:${d.id}`, async () => {
      const blob = await readFile({ hash: d.docxHash, caseId });
      downloadBlob(
        blob.type === docxType ? blob : new Blob([blob], { type: docxType }),
        `${safeFileName(titleOf(d))}.docx`,
      );
    });

  const result = imported && (
    <ReimportResultDialog version={imported.version} changes={imported.changes} onClose={() => setImported(null)} />
  );
  if (sorted.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        尚未生成文书。
      </Typography>
    );
  }
  return (
    <>
      {result}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="document-count">
        共{documents.length - replaced.size}份文书
        {replaced.size > 0 && `（另有${replaced.size}个已被替换的旧版本，不计入文书和卷宗）`}
      </Typography>
      <Table size="small" data-testid="document-table">
        <TableHead>
          <TableRow>
            <TableCell>文书</TableCell>
            <TableCell>文号</TableCell>
            <TableCell>版本</TableCell>
            <TableCell>生成时间</TableCell>
            <TableCell>生成人</TableCell>
            <TableCell align="right">操作</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((d) => (
            <TableRow
              key={d.id}
              data-testid="document-row"
              data-document-id={d.id}
              data-type={d.type}
              selected={d.id === focus}
              aria-current={d.id === focus ? 'true' : undefined}
              tabIndex={d.id === focus ? -1 : undefined}
              data-superseded={replaced.has(d.id) ? 'true' : undefined}
              sx={replaced.has(d.id) ? { '& > td': { color: 'text.secondary' } } : undefined}
            >
              <TableCell>
                {d.name}
                {d.fields.servedDocument && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    （{documentTypeName(d.fields.servedDocument)}）
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.number ?? '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                第{d.version}版
                {replaced.has(d.id) && (
                  <Chip size="small" label="已被替换" sx={{ ml: 0.5 }} data-testid="document-superseded" />
                )}
                {d.finalised && (
                  <Chip size="small" color="success" label="已定稿" sx={{ ml: 0.5 }} data-testid="document-finalised" />
                )}
                {d.correctionOf && (
                  <Chip size="small" color="warning" label="更正" sx={{ ml: 0.5 }} title={d.correctionReason} />
                )}
                {d.origin === 'reimported' && (
                  <Chip
                    size="small"
                    variant="outlined"
                    label="导入稿"
                    sx={{ ml: 0.5 }}
                    title={d.changedFields?.length ? `改动：${d.changedFields.join('、')}` : undefined}
                  />
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatInstant(d.generatedAt)}</TableCell>
              <TableCell>{d.generatedBy}</TableCell>
              <TableCell align="right">
                <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
                  <Button size="small" onClick={() => onPreview(d)} data-testid="document-preview">
                    预览
                  </Button>
                  <Button
                    size="small"
                    loading={busy === `print:${d.id}`}
                    disabled={busy !== null}
                    onClick={() => void print(d)}
                    data-testid="document-print"
                  >
                    打印
                  </Button>
                  <Button
                    size="small"
                    loading={busy === `docx:${d.id}`}
                    disabled={busy !== null}
                    onClick={() => void downloadDocx(d)}
                    data-testid="document-docx"
                  >
                    下载DOCX
                  </Button>
                  {!d.finalised && !replaced.has(d.id) && (
                    <DocumentVersionActions
                      caseId={caseId}
                      doc={d}
                      disabled={busy !== null}
                      finaliseBlockedBy={
                        gates.find((g) => g.documentId === d.id && g.action === 'finalise')?.blockedBy ?? null
                      }
                      onChanged={onChanged}
                      onImported={(version, changes) => setImported({ version, changes })}
                    />
                  )}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
