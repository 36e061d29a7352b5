/**
 * What makes a synthetic person look real on paper: an ID number, a phone number, an address in
 * the township. Shared by every demo register, each drawing from its own random stream.
 */
import { idCheckChar, type Sex } from '../../../shared/domain/idNumber';
import type { Random } from './random';
import { PHONE_PREFIXES } from './vocab';

export interface DemoVillage {
  code: string;
  name: string;
}

export interface DemoTownship {
  code: string;
  name: string;
  villages: DemoVillage[];
  /** First ID-number sequence value reserved for this township, and how many follow it. */
  seqStart: number;
  seqSize: number;
}

export interface DemoArea {
  countyCode: string;
  countyName: string;
  townships: DemoTownship[];
}

/**
 * A valid ID number that `free` accepts: the county's address code, the birth date, a sequence
 * value from the township's block with the parity of `sex`, and the check character. Random
 * slots first, then the first free one; throws when the block is full for that birth date.
 */
export function issueIdNumber(
  rng: Random,
  countyCode: string,
  township: DemoTownship,
  birthDate: string,
  sex: Sex,
  free: (idNumber: string) => boolean,
): string {
  const { seqStart, seqSize } = township;
  const prefix = countyCode + birthDate.replaceAll('-', '');
  const slots = Math.floor(seqSize / 2);
  const make = (k: number) => {
    let seq = seqStart + 2 * k;
    if ((seq % 2 === 1) !== (sex === 'M')) seq += 1;
    const first17 = prefix + String(seq).padStart(3, '0');
    return first17 + idCheckChar(first17);
  };
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = make(rng.int(0, slots - 1));
    if (free(candidate)) return candidate;
  }
  for (let k = 0; k < slots; k++) {
    const candidate = make(k);
    if (free(candidate)) return candidate;
  }
  throw new Error(`no free ID sequence left for ${birthDate} in township ${township.code}`);
}

export function phoneNumber(rng: Random): string {
  return `1${rng.pick(PHONE_PREFIXES)}${rng.digits(8)}`;
}

export const isRuralVillage = (village: DemoVillage): boolean => village.name.endsWith('村');

/** A household address: a villager group (组) in a village, a house number in a town committee. */
export function villageAddress(rng: Random, area: DemoArea, township: DemoTownship, village: DemoVillage): string {
  const where = `${area.countyName}${township.name}${village.name}`;
  return isRuralVillage(village) ? `${where}${rng.int(1, 16)}组` : `${where}${rng.int(1, 120)}号`;
}
