/** The procedure's phases: done, current, to do. */
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { CaseView } from '#common/schemas/cases';

/** The current phase also names the node the case is at (告知/申辩 → 陈述申辩期). */
export function PhaseStepper({ phases, nodeName }: { phases: CaseView['phases']; nodeName: string }) {
  const active = phases.findIndex((p) => p.status === 'current');
  return (
    <Stepper activeStep={active === -1 ? phases.length : active} alternativeLabel data-testid="phase-stepper">
      {phases.map((p) => (
        <Step key={p.id} completed={p.status === 'done'} data-status={p.status}>
          <StepLabel
            optional={
              p.status === 'current' && nodeName !== p.name ? (
                <Typography variant="caption" color="primary" sx={{ display: 'block', textAlign: 'center' }}>
                  {nodeName}
                </Typography>
              ) : undefined
            }
          >
            {p.name}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
