/** approval: the head's opinion (审批意见). */
import TextField from '@mui/material/TextField';
import type { ActionFormUi, FieldsProps } from './formTypes';
import { str } from './formTypes';
import { isRejection } from './actionKinds';

function Fields({ values, set, errors, disabled, action }: FieldsProps) {
  const rejection = isRejection(action);
  return (
    <TextField
      label={rejection ? '退回理由' : '审批意见'}
      multiline
      minRows={3}
      value={str(values.comment)}
      disabled={disabled}
      onChange={(e) => set({ comment: e.target.value })}
      error={Boolean(errors.comment)}
      helperText={errors.comment ?? (rejection ? '写明需补正的内容，承办人据此修改' : '可填写“同意”或具体意见')}
      autoFocus
      slotProps={{ htmlInput: { 'data-testid': 'form-comment', maxLength: 1000 } }}
    />
  );
}

export const approvalForm: ActionFormUi = {
  initial: (_view, action) => ({ comment: isRejection(action) ? '' : '同意。' }),
  toData: (v) => ({ comment: str(v.comment).trim() }),
  Fields,
};
