// Messages of birthdays, holidays and greetings, both languages side by side.

export const greetingsZh = {
  occasionNames: {
    birthday: '生日',
    new_year: '元旦',
    spring_festival: '春节',
    qingming: '清明',
    labour_day: '劳动节',
    dragon_boat: '端午节',
    mid_autumn: '中秋节',
    national_day: '国庆节',
    lantern: '元宵节',
    double_ninth: '重阳节',
    company_anniversary: '公司周年',
  },
  occasionTitles: {
    birthday: '生日{{lunar}}',
    birthdayAge: '{{age}} 岁生日{{lunar}}',
    milestone: '{{age}} 岁整寿{{lunar}}',
    lunar: '（农历）',
    anniversary: '{{label}} {{years}} 周年',
  },
  greetingNotes: { sent: '{{occasion}}祝福（{{date}}）' },
  greetingCsv: { mobile: '手机号', name: '客户', text: '短信内容', occasion: '场合', date: '日期' },
  greetingExclusions: { do_not_contact: '客户要求勿扰', lost: '已流失客户' },
  greetingsCli: { none: '这段时间没有需要祝福的场合' },
};

export const greetingsEn: typeof greetingsZh = {
  occasionNames: {
    birthday: 'Birthday',
    new_year: "New Year's Day",
    spring_festival: 'Spring Festival',
    qingming: 'Qingming',
    labour_day: 'Labour Day',
    dragon_boat: 'Dragon Boat Festival',
    mid_autumn: 'Mid-Autumn Festival',
    national_day: 'National Day',
    lantern: 'Lantern Festival',
    double_ninth: 'Double Ninth Festival',
    company_anniversary: 'Company anniversary',
  },
  occasionTitles: {
    birthday: 'Birthday{{lunar}}',
    birthdayAge: 'Birthday, turns {{age}}{{lunar}}',
    milestone: 'Milestone birthday, turns {{age}}{{lunar}}',
    lunar: ' (lunar)',
    anniversary: '{{label}}: {{years}} years',
  },
  greetingNotes: { sent: '{{occasion}} greeting ({{date}})' },
  greetingCsv: { mobile: 'Mobile', name: 'Client', text: 'Message', occasion: 'Occasion', date: 'Date' },
  greetingExclusions: { do_not_contact: 'Asked not to be contacted', lost: 'Lost client' },
  greetingsCli: { none: 'No occasions to greet in this period' },
};
