import { z } from 'zod';

// Birthdays, holidays and greetings as they cross the contract.

export const OCCASION_KINDS = ['birthday', 'new_year', 'spring_festival', 'qingming', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day', 'lantern', 'double_ninth', 'company_anniversary'] as const;
export type OccasionKindName = (typeof OCCASION_KINDS)[number];
export const GREETING_CHANNELS = ['sms', 'wechat', 'card', 'email'] as const;
export type GreetingChannel = (typeof GREETING_CHANNELS)[number];
export const GREETING_STATUSES = ['pending', 'sent', 'skipped', 'excluded'] as const;
export type GreetingStatus = (typeof GREETING_STATUSES)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

/** One greeting: a client and an occasion on a day. */
export const greetingRefSchema = z.strictObject({ clientId: z.string().uuid(), occasion: z.enum(OCCASION_KINDS), date: day });
export type GreetingRef = z.infer<typeof greetingRefSchema>;

export const greetingTemplateSchema = z.strictObject({
  id: z.string().trim().min(1).max(60),
  occasion: z.enum([...OCCASION_KINDS, 'any']),
  channel: z.enum(GREETING_CHANNELS),
  text: z.string().trim().min(1).max(1000),
  marketing: z.boolean(),
  milestone: z.boolean().optional(),
});
export type GreetingTemplateInput = z.infer<typeof greetingTemplateSchema>;

export interface GreetingRow extends GreetingRef {
  /** The day the reminder starts (date − lead days). */
  remindOn: string;
  clientName: string;
  kind: 'person' | 'company';
  lunar: boolean;
  age: number | null;
  milestone: boolean;
  years: number | null;
  label: string | null;
  channel: GreetingChannel;
  templateId: string | null;
  text: string;
  sms: { chars: number; segments: number } | null;
  status: GreetingStatus;
  /** excluded: do_not_contact / lost; skipped: the manager's reason. */
  reason: string | null;
  /** Sent: the contact attempt it was recorded as. */
  contactId: string | null;
}

export interface GreetingsPage {
  from: string;
  to: string;
  total: number;
  counts: Record<GreetingStatus, number>;
  rows: GreetingRow[];
}

export interface GreetingSettings {
  feb29: 'feb28' | 'mar1';
  leadDays: { birthday: number; holiday: number };
  lantern: boolean;
  doubleNinth: boolean;
  companyAnniversaries: boolean;
  /** Signs the greetings ({{branch}}). */
  branch: string;
}

export interface OccasionEntry {
  date: string;
  kind: OccasionKindName;
  clientId: string | null;
  clientName: string | null;
  title: string;
}
