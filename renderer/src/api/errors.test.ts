import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf, messageOf } from './errors';

describe('fieldErrorsOf', () => {
  it('maps VALIDATION issues to their top-level field, first message wins', () => {
    const e = new ApiError('VALIDATION', 'officerIds：至少需要两名执法人员', [
      { path: 'officerIds', message: '至少需要两名执法人员' },
      { path: 'officerIds.0', message: '另一条' },
      { path: 'summary', message: '请填写案情摘要' },
    ]);
    expect(fieldErrorsOf(e)).toEqual({ officerIds: '至少需要两名执法人员', summary: '请填写案情摘要' });
  });

  it('marks the keys a FIELDS_REQUIRED error lists', () => {
    expect(fieldErrorsOf(new ApiError('FIELDS_REQUIRED', '生成前请填写：检查地点', ['inspectionPlace']))).toEqual({
      inspectionPlace: '此项为必填',
    });
  });

  it('ignores errors without details', () => {
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});

describe('messageOf', () => {
  it('shows the core’s message as is, and something Chinese for anything else', () => {
    expect(messageOf(new ApiError('STALE_VERSION', '案件已被他人修改，请刷新后重试'))).toBe(
      '案件已被他人修改，请刷新后重试',
    );
    expect(messageOf('?')).toBe('系统内部错误');
  });
});
