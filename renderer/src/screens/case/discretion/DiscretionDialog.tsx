/** The 裁量计算 panel in its own dialog over the 调查报告 form, so the form keeps its size. */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { DiscretionPanel, type Calculation } from './DiscretionPanel';

interface Props {
  violationId: string;
  violationName: string;
  base: number | null;
  /** The case is 情节严重 (法律适用): the heavier band is chosen to start with. */
  aggravated?: boolean;
  onApply(result: Calculation): void;
  onClose(): void;
}

export function DiscretionDialog({ violationId, violationName, base, aggravated = false, onApply, onClose }: Props) {
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="discretion-dialog">
      <DialogTitle>裁量计算：{violationName}</DialogTitle>
      <DialogContent dividers>
        <DiscretionPanel
          violationId={violationId}
          base={base}
          aggravated={aggravated}
          onApply={(r) => {
            onApply(r);
            onClose();
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button type="button" onClick={onClose}>
          关闭
        </Button>
      </DialogActions>
    </Dialog>
  );
}
