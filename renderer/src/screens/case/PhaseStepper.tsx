/**
 * The procedure's phases: done, current, to do — and 不适用 for one the case passed by (法制审核
 * under its threshold …), never ticked, with the core's reason on the case's facts beside it.
 */
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlined';
import type { CaseView } from '#common/schemas/cases';

const caption = { display: 'block', textAlign: 'center' } as const;

/** The current phase also names the node the case is at (告知/申辩 → 陈述申辩期). */
export function PhaseStepper({ phases, nodeName }: { phases: CaseView['phases']; nodeName: string }) {
  const active = phases.findIndex((p) => p.status === 'current');
  const skipped = phases.filter((p) => p.status === 'notApplicable' && p.note);
  return (
    <>
      <Stepper activeStep={active === -1 ? phases.length : active} alternativeLabel data-testid="phase-stepper">
        {phases.map((p) => {
          const passedBy = p.status === 'notApplicable';
          return (
            <Step key={p.id} completed={p.status === 'done'} data-status={p.status} data-testid={`phase-${p.id}`}>
              <StepLabel
                icon={passedBy ? <RemoveCircleOutlineIcon color="disabled" titleAccess="不适用" /> : undefined}
                optional={
                  passedBy ? (
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      sx={caption}
                      data-testid={`phase-note-${p.id}`}
                    >
                      不适用
                    </Typography>
                  ) : p.status === 'current' && nodeName !== p.name ? (
                    <Typography variant="caption" color="primary" sx={caption}>
                      {nodeName}
                    </Typography>
                  ) : undefined
                }
              >
                {p.name}
              </StepLabel>
            </Step>
          );
        })}
      </Stepper>
      {skipped.map((p) => (
        <Typography
          key={p.id}
          variant="body2"
          color="text.secondary"
          sx={{ mt: 1.5, textAlign: 'center' }}
          data-testid={`phase-reason-${p.id}`}
        >
          {p.name}不适用：{p.note}
        </Typography>
      ))}
    </>
  );
}
