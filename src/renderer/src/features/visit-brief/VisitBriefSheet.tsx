import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupRecord, VisitBrief } from '../../../../shared/followups';
import { formatYuan } from '../../components/money';
import { isContactPurpose } from '../calendar/agenda-labels';

// The one-page brief (拜访准备) as the client may see it: masked by the core, and with no
// risk grade, AML flag or internal note — this component is given none and shows none.

interface Props {
  brief: VisitBrief;
  manager: string;
}

export function VisitBriefSheet({ brief, manager }: Props) {
  const { t } = useTranslation();
  const { followup: f, client: c, holdings: h } = brief;
  const none = <span className="rm-brief-none">{t('visitBrief.none')}</span>;
  const text = (v: string | null | undefined) => (v && v.trim() ? v : none);
  const purpose = f.purpose ? (isContactPurpose(f.purpose) ? t(`contactPurposes.${f.purpose}`) : f.purpose) : null;
  const yuan = (fen: number) => t('visitBrief.yuan', { amount: formatYuan(fen).replace('¥', '') });
  const work = [c.occupation, c.employer].filter(Boolean).join(' · ');
  const items = (list: FollowupRecord[]) => list.map((x) => ({ key: x.id, date: x.date, text: x.title }));

  return (
    <article className="rm-brief" aria-labelledby="rm-brief-title">
      <header className="rm-brief-head">
        <div>
          <h2 id="rm-brief-title">{t('visitBrief.title')}</h2>
          <div className="rm-brief-who">
            {c.name}
            {c.salutation && <span className="rm-brief-salutation">{c.salutation}</span>}
            <span className="rm-brief-kind">{t(`clientKind.${c.kind}`)}</span>
          </div>
        </div>
        <dl className="rm-brief-meta">
          <dt>{t('visitBrief.visitDate')}</dt>
          <dd>{f.date}</dd>
          <dt>{t('visitBrief.manager')}</dt>
          <dd>{manager}</dd>
        </dl>
      </header>

      <section className="rm-brief-visit">
        <h3>{t('visitBrief.followup')} · {t(`followupTypes.${f.type}`)}</h3>
        <Fields>
          <Field label={t('visitBrief.subject')} wide>{f.title}</Field>
          <Field label={t('visitBrief.purpose')}>{text(purpose)}</Field>
          <Field label={t('visitBrief.attendees')}>{f.attendees.length ? f.attendees.join('、') : none}</Field>
          <Field label={t('visitBrief.talkingPoints')} wide>
            <span className="rm-brief-pre">{text(f.talkingPoints)}</span>
          </Field>
        </Fields>
      </section>

      <section>
        <h3>{t('visitBrief.client')}</h3>
        <Fields>
          <Field label={t('visitBrief.idMasked')}>{text(c.idMasked)}</Field>
          <Field label={t('visitBrief.mobileMasked')}>{text(c.mobileMasked)}</Field>
          <Field label={t('visitBrief.relationshipStart')}>{text(c.relationshipStart)}</Field>
          <Field label={t('visitBrief.addressMasked')}>{text(c.addressMasked)}</Field>
          <Field label={t('visitBrief.occupation')}>{text(work)}</Field>
          <Field label={t('visitBrief.tier')}>{c.tier ? t(`tiers.${c.tier}`) : none}</Field>
          <Field label={t('visitBrief.preferredChannel')}>{c.preferredChannel ? t(`channels.${c.preferredChannel}`) : none}</Field>
          <Field label={t('visitBrief.bestTime')}>{text(c.bestTimeToCall)}</Field>
          <Field label={t('visitBrief.interests')}>{text(c.interests)}</Field>
          <Field label={t('visitBrief.family')} wide>{text(c.family)}</Field>
        </Fields>
      </section>

      <section>
        <h3>{t('visitBrief.holdings')}</h3>
        <div className="rm-brief-money">
          <Figure label={t('visitBrief.aum')} value={yuan(h.aumFen)} />
          <Figure label={t('visitBrief.deposits')} value={yuan(h.depositsFen)} />
          <Figure label={t('visitBrief.loans')} value={yuan(h.loanBalanceFen)} />
        </div>
        <Fields>
          <Field label={t('visitBrief.products')} wide>{h.products.length ? h.products.join('、') : none}</Field>
        </Fields>
      </section>

      <div className="rm-brief-cols">
        <List title={t('visitBrief.recentContacts')} none={none} rows={brief.recentContacts.map((x) => ({
          key: x.id,
          date: dayjs(x.at).format('YYYY-MM-DD'),
          text: [t(`contactChannels.${x.channel}`), t(`contactOutcomes.${x.outcome}`), t(`contactPurposes.${x.purpose}`)].join(' · '),
        }))} />
        <List title={t('visitBrief.maturing')} none={none} rows={items(brief.maturing)} />
        <List title={t('visitBrief.openComplaints')} none={none} rows={items(brief.openComplaints)} />
        <List title={t('visitBrief.occasions')} none={none} rows={brief.occasions.map((o) => ({ key: `${o.date}-${o.kind}-${o.title}`, date: o.date, text: o.title }))} />
        <List title={t('visitBrief.kycDeadlines')} none={none} rows={items(brief.kycDeadlines)} />
        <List title={t('visitBrief.recentChanges')} none={none} rows={brief.recentChanges.map((x, i) => ({
          key: `${x.at}-${i}`,
          date: dayjs(x.at).format('YYYY-MM-DD'),
          text: x.fields.map((field) => t(`clientFields.${field}`)).join('、'),
        }))} />
      </div>

      <footer className="rm-brief-foot">
        <span>{t('visitBrief.masked')}</span>
        <span>{t('visitBrief.generatedAt', { at: dayjs(brief.generatedAt).format('YYYY-MM-DD HH:mm') })}</span>
      </footer>
    </article>
  );
}

function Fields({ children }: { children: ReactNode }) {
  return <dl className="rm-brief-fields">{children}</dl>;
}

function Field({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'rm-brief-field rm-brief-wide' : 'rm-brief-field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rm-brief-figure">
      <div className="rm-brief-figure-label">{label}</div>
      <div className="rm-brief-figure-value">{value}</div>
    </div>
  );
}

function List({ title, rows, none }: { title: string; rows: { key: string; date: string; text: string }[]; none: ReactNode }) {
  return (
    <section className="rm-brief-list">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.key}>
              <span className="rm-brief-date">{r.date}</span>
              <span>{r.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
