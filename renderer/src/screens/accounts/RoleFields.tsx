/** The roles of an account (checkboxes) and an officer's 执法证 (number, valid until): 新建用户 and 修改角色. */
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { roleNames, roles as allRoles, type Role } from '#common/roles';
import { certificateNoMaxLength } from '#common/userRules';

export function RolePicker({
  roles,
  error,
  onChange,
}: {
  roles: Role[];
  error?: string | undefined;
  onChange(roles: Role[]): void;
}) {
  return (
    <FormControl error={Boolean(error)} component="fieldset" variant="standard">
      <FormLabel component="legend">角色</FormLabel>
      <FormGroup row>
        {allRoles.map((r) => (
          <FormControlLabel
            key={r}
            label={roleNames[r]}
            control={
              <Checkbox
                checked={roles.includes(r)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? allRoles.filter((x) => x === r || roles.includes(x))
                      : roles.filter((x) => x !== r),
                  )
                }
                slotProps={{ input: { 'data-testid': `role-${r}` } as object }}
              />
            }
          />
        ))}
      </FormGroup>
      <FormHelperText>{error ?? '系统管理员只管理账号，不能同时担任办案、审核或负责人角色'}</FormHelperText>
    </FormControl>
  );
}

interface CertificateProps {
  required: boolean;
  certificateNo: string;
  certificateValidUntil: string;
  errors: Record<string, string>;
  onChange(patch: { certificateNo?: string; certificateValidUntil?: string }): void;
}

export function CertificateFields({
  required,
  certificateNo,
  certificateValidUntil,
  errors,
  onChange,
}: CertificateProps) {
  return (
    <Stack direction="row" spacing={2}>
      <TextField
        label={required ? '执法证号' : '执法证号（持证的可填写）'}
        value={certificateNo}
        required={required}
        fullWidth
        onChange={(e) => onChange({ certificateNo: e.target.value })}
        error={Boolean(errors.certificateNo)}
        helperText={errors.certificateNo ?? '如 贵环执字522627001'}
        slotProps={{ htmlInput: { 'data-testid': 'new-user-certificate', maxLength: certificateNoMaxLength } }}
      />
      <TextField
        label="有效期至"
        type="date"
        value={certificateValidUntil}
        required={required}
        fullWidth
        onChange={(e) => onChange({ certificateValidUntil: e.target.value })}
        error={Boolean(errors.certificateValidUntil)}
        helperText={errors.certificateValidUntil ?? ' '}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'new-user-certificate-until' } }}
      />
    </Stack>
  );
}
