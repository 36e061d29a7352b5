import { describe, expect, it } from 'vitest';
import { personName, optionalPersonName, fieldErrorsOf } from '../../src/shared/contract';
import { z } from 'zod';

const name = personName('姓名');
const check = (schema: z.ZodType, raw: unknown) => {
  const r = z.object({ name: schema }).safeParse({ name: raw });
  return r.success ? { ok: true as const, value: (r.data as { name: unknown }).name } : { ok: false as const, message: fieldErrorsOf(r.error).name };
};

describe('person names', () => {
  it('accepts Chinese names, minority names with a middle dot, and Latin names with spaces', () => {
    expect(check(name, '李明')).toEqual({ ok: true, value: '李明' });
    expect(check(name, '阿卜杜热合曼·艾合买提')).toEqual({ ok: true, value: '阿卜杜热合曼·艾合买提' });
    expect(check(name, 'Maria  Santos ')).toEqual({ ok: true, value: 'Maria Santos' });
    expect(check(name, "Jean-Pierre O'Neil")).toEqual({ ok: true, value: "Jean-Pierre O'Neil" });
    expect(check(name, '𠮷田')).toEqual({ ok: true, value: '𠮷田' });
  });

  it('stores every kind of middle dot as ·, and drops spaces typed between Chinese characters', () => {
    for (const dot of ['•', '‧', '・', '･', '∙', '⋅']) expect(check(name, `买买提${dot}吐尔逊`)).toEqual({ ok: true, value: '买买提·吐尔逊' });
    expect(check(name, '买买提 · 吐尔逊')).toEqual({ ok: true, value: '买买提·吐尔逊' });
    expect(check(name, '王　芳')).toEqual({ ok: true, value: '王芳' });
    expect(check(name, 'Ｍａｒｉａ')).toEqual({ ok: true, value: 'Maria' });
  });

  it('refuses markup, emoji and misplaced dots with a message naming the field', () => {
    expect(check(name, '<svg onload=alert(1)>')).toEqual({ ok: false, message: '姓名只能包含汉字、英文字母和间隔号“·”' });
    expect(check(name, '李😀明')).toEqual({ ok: false, message: '姓名只能包含汉字、英文字母和间隔号“·”' });
    expect(check(name, '李明2')).toEqual({ ok: false, message: '姓名不能包含数字' });
    expect(check(name, '·买买提')).toEqual({ ok: false, message: '姓名中的间隔号“·”、空格或连字符只能用在两个字之间' });
    expect(check(name, '买买提··吐尔逊')).toEqual({ ok: false, message: '姓名中的间隔号“·”、空格或连字符只能用在两个字之间' });
    expect(check(name, '  ')).toEqual({ ok: false, message: '请填写姓名' });
  });

  it('allows names up to 30 characters and says so beyond, counting rare characters once', () => {
    const long = '阿'.repeat(14) + '·' + '买'.repeat(15);
    expect(check(name, long)).toEqual({ ok: true, value: long });
    expect(check(name, `${long}提`)).toEqual({ ok: false, message: '姓名不能超过30个字' });
    expect(check(name, '𠮷'.repeat(30)).ok).toBe(true);
  });

  it('leaves an optional name out when blank and checks it like a required one otherwise', () => {
    const optional = optionalPersonName('父亲姓名');
    expect(check(optional, ' ')).toEqual({ ok: true, value: undefined });
    expect(check(optional, undefined)).toEqual({ ok: true, value: undefined });
    expect(check(optional, '张<b>')).toEqual({ ok: false, message: '父亲姓名只能包含汉字、英文字母和间隔号“·”' });
  });
});
