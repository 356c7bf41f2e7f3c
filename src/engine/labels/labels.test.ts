import {
  classifyCaption,
  isDiffLabel,
  isRateLabel,
  isRemarkLabel,
  isTotalLabel,
  labelKey,
  labelTotal,
  normalizeLabel,
  parseUnit,
  parseUnits,
  primaryUnit,
  parseYearLabel,
  stripCaptionMark,
  totalLabelKind,
} from '.';

describe('normalizeLabel', () => {
  test.each([
    ['합 계', '합계'],
    ['제 안 현 황', '제안현황'],
    ['모 바 일 투 표 참 여 인 원', '모바일투표참여인원'],
    ['편 성 현 황 (건 / 백 만 원)', '편성현황 (건 / 백만원)'],
    ['더불어행복한 금 천', '더불어행복한 금천'],
    ['비고 (소송대리인 선임 건수)', '비고 (소송대리인 선임 건수)'],
    ['**추진계획**', '추진계획'],
    ['  소통\n행정 ', '소통 행정'],
    ['진행 중', '진행 중'],
    ['종 결', '종결'],
  ])('%s → %s', (text, want) => expect(normalizeLabel(text)).toBe(want));

  test('labelKey drops every space', () => {
    expect(labelKey('진행 중')).toBe(labelKey('진행중'));
    expect(labelKey(' 합 계 ')).toBe('합계');
  });
});

describe('total labels', () => {
  test.each([
    ['계', 'total'],
    ['합계', 'total'],
    ['합 계', 'total'],
    ['합계 (A+B)', 'total'],
    ['소계', 'subtotal'],
    ['소 계', 'subtotal'],
    ['총계', 'grand'],
    ['총 계', 'grand'],
    ['Total', 'total'],
  ])('%s is a %s', (text, kind) => {
    expect(totalLabelKind(text)).toBe(kind);
    expect(isTotalLabel(text)).toBe(true);
  });

  test.each(['일반회계', '특별회계', '누계', '공약(69)', '계속', '구분', '', '설계'])('%s is not a total label', (text) =>
    expect(isTotalLabel(text)).toBe(false),
  );

  test.each([
    ['공약(69)', 69],
    ['사업수 (1,234)', 1234],
    ['공약 (12건)', 12],
    ['22(22)', null],
    ['2020년 (2021년 예산)', null],
    ['당초예산 (㉒)', null],
    ['계', null],
  ])('labelTotal(%s) = %s', (text, want) => expect(labelTotal(text)).toBe(want));

  test('remark, rate and difference labels', () => {
    expect(isRemarkLabel('비 고')).toBe(true);
    expect(isRemarkLabel('비고(소송지휘)')).toBe(true);
    expect(isRemarkLabel('합계')).toBe(false);
    expect(isRateLabel('집행률')).toBe(true);
    expect(isRateLabel('징수율(%)')).toBe(true);
    expect(isRateLabel('정리율')).toBe(true);
    expect(isRateLabel('증감률')).toBe(true);
    expect(isRateLabel('집행액')).toBe(false);
    expect(isDiffLabel('증감')).toBe(true);
    expect(isDiffLabel('전년대비 증감')).toBe(true);
    expect(isDiffLabel('증감률')).toBe(false);
  });
});

describe('parseYearLabel', () => {
  test.each([
    ['2020년', 2020],
    ['2020', 2020],
    ["'20", 2020],
    ['20년', 2020],
    ['2021년(예산)', 2021],
    ['2020년 (2021년 예산)', 2020],
    ['2018년 (2019년 예산)', 2018],
    ['2019년도', 2019],
    ['2021 결산', 2021],
    ["'19년", 2019],
    ['2021년 예산(안)', 2021],
    ['2020년 본예산', 2020],
  ])('%s → %s', (text, want) => expect(parseYearLabel(text)).toBe(want));

  test.each(['2020년 대비 증감', '2019년 대비', '20대', '20대 이하', '2020. 10월말', "'18.8.30개최", '3급', '2,020', '12345', '1회', '계', '2020년 10월'])(
    '%s is not a year',
    (text) => expect(parseYearLabel(text)).toBeNull(),
  );

  test('numbers: integers in range only', () => {
    expect(parseYearLabel(2019)).toBe(2019);
    expect(parseYearLabel(19000)).toBeNull();
    expect(parseYearLabel(2019.5)).toBeNull();
  });
});

describe('captions', () => {
  test.each([
    ['(단위 : 천원)', '천원'],
    ['(2020. 10월말 기준, 단위 : 건)', '건'],
    ['(단위: 건)', '건'],
    ['(단위:백만원, %)', '백만원'],
    ['(천원)', '천원'],
    ["(기준일 : '20. 10월말)", null],
    ['□ 2021년 소요예산 : 19,000천원', null],
  ])('parseUnit(%s) = %s', (text, want) => expect(parseUnit(text)).toBe(want));

  test.each([
    ['(단위 : 천원)', ['천원']],
    ['(2020. 10월말 기준, 단위 : 건, 백만원)', ['건', '백만원']],
    ['<단위 : 건, 백만원>', ['건', '백만원']],
    ['(단위: 백만원, %)', ['백만원', '%']],
    ['(천원)', ['천원']],
    ['(2020. 10월말 기준)', []],
    ['(A)', []],
  ])('parseUnits(%s)', (text, want) => expect(parseUnits(text)).toEqual(want));

  test('primaryUnit: the money unit of a mixed unit line', () => {
    expect(primaryUnit(['건', '백만원'])).toBe('백만원');
    expect(primaryUnit(['%', '명'])).toBe('명');
    expect(primaryUnit(['%'])).toBe('%');
    expect(primaryUnit([])).toBeUndefined();
  });

  test.each([
    ['<단위 : 건, 백만원>', 'unit'],
    ['□ 2021년 소요예산 : 19,000천원', 'amount'],
    ['2021년 소요예산 : 34,900천원', 'amount'],
    ['□ **2021년 소요예산 : 13,750천원**', 'amount'],
    ['□ **2021년 소요예산 : 미정(시비)**', 'title'],
    ['□ 인 력 : 정원 22명(현원 22명)', 'title'],
    ['○ 최근 3년간 운영현황', 'title'],
    ['[참고] 희망경제학교 강의 구성(예시)', 'title'],
    ['(단위 : 천원)', 'unit'],
    ['(2020. 10월말 기준, 단위 : 건)', 'basis'],
    ["(기준일 : '20. 10월말)", 'basis'],
    ['(2020. 10월말 기준)', 'basis'],
    ['※ 2020. 예산규모', 'note'],
    ['⇒ 종결사건(92건) 승소율 : 94.5%', 'note'],
    ['1) 2022년도 지방의회의원 의정활동비', 'footnote'],
    ['주) 결산 기준', 'footnote'],
    ['- 일반 소송 현황(*제소일자 기준)', 'note'],
    ['주요사업 목록', 'note'],
    ['자료: 세무과', 'note'],
  ])('classifyCaption(%s) = %s', (text, kind) => expect(classifyCaption(text)).toBe(kind));

  test('stripCaptionMark leaves the words', () => {
    expect(stripCaptionMark('□ **2021년 소요예산 : 19,000천원**')).toBe('2021년 소요예산 : 19,000천원');
    expect(stripCaptionMark('※ 2020. 예산규모')).toBe('2020. 예산규모');
    expect(stripCaptionMark('- 일반 소송 현황')).toBe('일반 소송 현황');
    expect(stripCaptionMark('【주민참여형】')).toBe('주민참여형');
  });
});
