/** 卷内目录: one volume's catalog as the bound file lists it. */
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DossierVolume } from '#common/schemas/documents';

type Catalog = DossierVolume['catalog'];

export function CatalogTable({ catalog }: { catalog: Catalog }) {
  return (
    <>
      <Typography variant="subtitle1">卷内目录</Typography>
      <Table size="small" data-testid="dossier-catalog">
        <TableHead>
          <TableRow>
            <TableCell>序号</TableCell>
            <TableCell>文号</TableCell>
            <TableCell>责任者</TableCell>
            <TableCell>题名</TableCell>
            <TableCell>日期</TableCell>
            <TableCell>页号</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {catalog.map((c) => (
            <TableRow key={c.seq} data-testid="catalog-row">
              <TableCell>{c.seq}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.number || '—'}</TableCell>
              <TableCell>{c.author}</TableCell>
              <TableCell>{c.title}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.date}</TableCell>
              <TableCell>{c.page}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
