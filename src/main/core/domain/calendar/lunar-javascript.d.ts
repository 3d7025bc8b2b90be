// lunar-javascript ships no types. Only the subset the core uses (lunar-label.ts,
// upcoming.ts, greetings/occasions.ts) is declared, so a wrong call fails the type check instead of being `any`.
// Extend it here when a new call is needed.
declare module 'lunar-javascript' {
  interface Lunar {
    /** Lunar month 1–12; negative for a leap month (闰六月 → -6). */
    getMonth(): number;
    getDay(): number;
    /** '正', '二', …, '冬', '腊'; a leap month is prefixed: '闰六'. */
    getMonthInChinese(): string;
    /** '初一' … '三十'. */
    getDayInChinese(): string;
    getSolar(): Solar;
    /**
     * The solar terms (节气) around this lunar year, keyed by Chinese name ('清明', '冬至', …;
     * the table also holds a few pinyin keys such as 'DONG_ZHI' for the neighbouring years'
     * terms). For lunar year Y, '清明' is the one in solar year Y.
     */
    getJieQiTable(): Record<string, Solar>;
  }
  interface Solar {
    getLunar(): Lunar;
    /** 'YYYY-MM-DD'. */
    toYmd(): string;
  }
  interface LunarYear {
    /** The leap month of this lunar year, 0 if none. */
    getLeapMonth(): number;
    /** The months of this lunar year in order, the leap month (if any) after its regular month. */
    getMonthsInYear(): LunarMonth[];
  }
  interface LunarMonth {
    /** 1–12; negative for a leap month. */
    getMonth(): number;
    getDayCount(): number;
    /** Julian day number of the month's first day (noon), for Solar.fromJulianDay. */
    getFirstJulianDay(): number;
  }
  // CommonJS package: under Node's ESM loader only the default export (module.exports) exists.
  const lunarJavascript: {
    Solar: { fromYmd(year: number, month: number, day: number): Solar; fromJulianDay(julianDay: number): Solar };
    /** `month` negative for a leap month. */
    Lunar: { fromYmd(lunarYear: number, month: number, day: number): Lunar };
    LunarYear: { fromYear(lunarYear: number): LunarYear };
    LunarMonth: { fromYm(lunarYear: number, month: number): LunarMonth };
  };
  export default lunarJavascript;
}
