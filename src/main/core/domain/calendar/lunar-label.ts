import lunarJavascript from 'lunar-javascript';

/**
 * The label a Chinese wall calendar prints under a Gregorian date: the lunar day
 * ('初八', '十五', '廿九'), except on the 1st of a lunar month, where the month name
 * stands in for '初一' ('正月', '冬月', '腊月', '闰六月') so month boundaries are visible.
 */
export function lunarLabel(year: number, month: number, day: number): string {
  const lunar = lunarJavascript.Solar.fromYmd(year, month, day).getLunar();
  return lunar.getDay() === 1 ? `${lunar.getMonthInChinese()}月` : lunar.getDayInChinese();
}
