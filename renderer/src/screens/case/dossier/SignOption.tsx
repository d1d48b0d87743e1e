/**
 * 签章 at 组卷: each volume is signed with the bureau's certificate (本局设置 → 电子签章证书). On by
 * default when a certificate is set; without one the box is off and says where to set it.
 */
import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Tooltip from '@mui/material/Tooltip';
import { useOp } from '#renderer/hooks/useOp';

export interface SigningChoice {
  /** The certificate's name, or null when none is set (or not known yet). */
  signer: string | null;
  checked: boolean;
  setChecked(v: boolean): void;
  /** What dossier.build takes: absent without a certificate (the core then binds unsigned). */
  sign: boolean | undefined;
}

export function useSigningChoice(): SigningChoice {
  const { data } = useOp('settings.get', {});
  const signer = data?.certificate?.commonName ?? null;
  const [unchecked, setUnchecked] = useState(false);
  return {
    signer,
    checked: !!signer && !unchecked,
    setChecked: (v) => setUnchecked(!v),
    sign: signer ? !unchecked : undefined,
  };
}

export function SignOption({ choice, disabled }: { choice: SigningChoice; disabled: boolean }) {
  const title = choice.signer
    ? `用本局电子签章证书（${choice.signer}）对正卷、副卷的PDF签章，可用PDF阅读器验证`
    : '本局尚未设置电子签章证书（本局设置 → 电子签章证书），组卷不签章';
  return (
    <Tooltip title={title}>
      <FormControlLabel
        label="签章"
        disabled={disabled || !choice.signer}
        control={
          <Checkbox
            checked={choice.checked}
            onChange={(e) => choice.setChecked(e.target.checked)}
            slotProps={{ input: { 'data-testid': 'dossier-sign' } as never }}
          />
        }
      />
    </Tooltip>
  );
}
