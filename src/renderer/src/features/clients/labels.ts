import type { CLIENT_STATUSES, RISK_GRADES } from '../../../../shared/clients';
import type { Tone } from '../../components/ToneTag';

// Tones only; the words come from i18n (clientStatus.*, riskGrades.*).
export const STATUS_TONES: Record<(typeof CLIENT_STATUSES)[number], Tone> = { prospect: 'info', active: 'success', dormant: 'warning', lost: 'neutral' };
export const RISK_TONES: Record<(typeof RISK_GRADES)[number], Tone> = { high: 'error', medium_high: 'warning', medium: 'warning', medium_low: 'accent', low: 'success' };
