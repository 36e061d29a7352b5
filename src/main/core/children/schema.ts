/** kysely table types of the children register, mirroring migrations/0001_init.sql (and later additions). */
import type { SyncedColumns } from '../db/schema';

export interface ChildrenTable extends SyncedColumns {
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number: string;
  birth_date: string;
  sex: 'M' | 'F';
  ethnicity: string | null;
  hukou_registered: number | null;
  hukou_type: string | null;
  township_code: string;
  village_code: string;
  registered_address: string | null;
  current_address: string | null;
  health_status: string | null;
  disability_type: string | null;
  disability_grade: string | null;
  illness: string | null;
  schooling: string | null;
  boarding: number | null;
  paternal_grandfather: string | null;
  paternal_grandmother: string | null;
  maternal_grandfather: string | null;
  maternal_grandmother: string | null;
  father: string | null;
  mother: string | null;
  guardian: string | null;
  guardianship_type: string | null;
  income_sources: string | null;
  assistance: string | null;
  child_director: string | null;
  child_director_phone: string | null;
  report_date: string | null;
  report_agency: string | null;
  report_note: string | null;
  notes: string | null;
}

export interface ChildCategoriesTable extends SyncedColumns {
  child_id: string;
  category: string;
  start_date: string;
  end_date: string | null;
  reason: string | null;
  reasons: string | null;
  care: string | null;
}
