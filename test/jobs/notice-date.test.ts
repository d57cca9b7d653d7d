import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { noticeText, type NoticeReport } from '../../src/jobs/plan-notices.js';

/** A late notice names the date it judged: the website's publication date when known, else the signature's. */
describe('the date a late notice names', () => {
  const report: NoticeReport = {
    id: 1,
    name: '石店镇',
    region: '沂源县',
    year: 2026,
    signedDate: '2027-01-28',
    findings: [],
    ingestedAt: '2027-02-03T02:00:00Z',
  };

  it('is the publication date for a report found on the portal (signed in time, published late)', () => {
    const text = noticeText(DEFAULT_CALENDAR, { ...report, published: '2027-02-03' });
    expect(text).toContain('逾期发布：截止日期是2027年1月31日，报告网站发布日期是2027年2月3日。');
  });

  it('is the signature date when no publication date is known', () => {
    const text = noticeText(DEFAULT_CALENDAR, { ...report, signedDate: '2027-02-02' });
    expect(text).toContain('报告落款日期是2027年2月2日。');
  });
});
