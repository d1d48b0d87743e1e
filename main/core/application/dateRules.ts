/** Dates a user types must lie between the case's filing date and today. */
import { AppError } from '#common/errors.js';
import { isValidDate } from '#core/domain/dates.js';

export function checkCaseDate(label: string, value: string, filedOn: string, today: string): void {
  if (!isValidDate(value)) throw new AppError('VALIDATION', `${label}不是有效日期：${value}`);
  if (value < filedOn) throw new AppError('DATE_BEFORE_FILING', `${label}（${value}）不能早于立案日期（${filedOn}）`);
  if (value > today) throw new AppError('DATE_IN_FUTURE', `${label}（${value}）不能晚于今天（${today}）`);
}
