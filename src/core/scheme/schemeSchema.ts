import { z } from 'zod';

/**
 * The scheme format (one file per 考核办法). This zod schema is the single source of truth: the TypeScript types
 * are inferred from it and schemes/scheme.schema.json is generated from it (`npm run schema`).
 * Every bound is explicit (gt/gte/lt/lte) so the engine never guesses how 以上/超过 count.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id of letters, digits and dashes');
const points = z.number().finite();
const positive = z.number().finite().positive();

/** An interval with explicit inclusive/exclusive ends; an omitted end is open. 以上 = gte, 超过 = gt. */
export const boundSchema = z
  .object({
    gt: z.number().finite().optional(),
    gte: z.number().finite().optional(),
    lt: z.number().finite().optional(),
    lte: z.number().finite().optional(),
  })
  .strict();

export const subjectKindSchema = z.enum(['staff', 'window', 'unit', 'chief']);
export const periodKindSchema = z.enum(['month', 'quarter', 'year']);

/** What a recording asks for: a measured quantity (minutes, days, a count, a percent). */
export const quantitySchema = z
  .object({
    /** Label shown to the inspector, in Chinese. */
    label: z.string().min(1),
    /** Unit word shown beside the input: 分钟, 天, 件, 次, %. */
    unit: z.string().min(1),
    min: z.number().finite().default(0),
    max: z.number().finite().optional(),
    /** Whether fractions are allowed (0.5 天). */
    integer: z.boolean().default(false),
  })
  .strict();

const tierSchema = z.object({ when: boundSchema, points, label: z.string().optional() }).strict();
const levelSchema = z.object({ id, name: z.string().min(1), points }).strict();

/** How an item turns a finding (or a period's findings) into points. Points are magnitudes; the item's direction gives the sign. */
export const ruleSchema = z.discriminatedUnion('kind', [
  /** 串岗扣0.5分/次 */
  z.object({ kind: z.literal('fixed'), points }).strict(),
  /** 视情况扣1-3分: the inspector chooses an amount in [min, max] on a step grid. */
  z.object({ kind: z.literal('range'), min: points, max: points, step: positive.default(0.5) }).strict(),
  /** 国家级3/自治区级2/市级1. With once, the period's latest recording decides and `unrecorded` names the level used when nothing was recorded. */
  z
    .object({
      kind: z.literal('levels'),
      levels: z.array(levelSchema).min(1),
      once: z.boolean().default(false),
      unrecorded: id.optional(),
    })
    .strict(),
  /** 迟到半小时内0.1, 半小时至1小时0.5 ... basis finding = per recording; basis period = on the period's summed quantity (count tiers). */
  z
    .object({
      kind: z.literal('tiers'),
      quantity: quantitySchema,
      tiers: z.array(tierSchema).min(1),
      basis: z.enum(['finding', 'period']).default('finding'),
    })
    .strict(),
  /** 旷工每天扣10分 (per 1), 请假月累计每3天扣1分 (per 3, floor, basis period). */
  z
    .object({
      kind: z.literal('perUnit'),
      quantity: quantitySchema,
      points,
      per: positive.default(1),
      rounding: z.enum(['floor', 'ceil', 'exact']).default('exact'),
      basis: z.enum(['finding', 'period']).default('finding'),
    })
    .strict(),
  /** 中途请假每季度超过6次, 每超过一次扣0.5分: occurrences (or summed quantity) beyond the allowance within the period. */
  z
    .object({
      kind: z.literal('allowance'),
      allowance: z.number().int().nonnegative(),
      points,
      quantity: quantitySchema.optional(),
    })
    .strict(),
  /** 出勤率低于90%的, 每少一个百分扣0.5分; 退补件按比例每超过10%扣1分. The recording gives a percent (or part/whole). */
  z
    .object({
      kind: z.literal('ratio'),
      quantity: quantitySchema,
      direction: z.enum(['above', 'below']),
      threshold: z.number().finite(),
      step: positive,
      points,
      rounding: z.enum(['floor', 'ceil', 'exact']).default('floor'),
    })
    .strict(),
  /** 一次扣2分, 两次以上扣5分. total: the period total is the matching step's points; nth: the n-th occurrence costs its step's points. */
  z
    .object({
      kind: z.literal('escalation'),
      steps: z.array(z.object({ count: boundSchema, points }).strict()).min(1),
      mode: z.enum(['total', 'nth']),
    })
    .strict(),
  /** 办件信息录入且无错误得2分, 每错1件扣0.5分, 错件超过50%的不得分, 当月无办件得基础分1分: once a period. */
  z
    .object({
      kind: z.literal('errorRate'),
      full: points,
      perError: points,
      /** Above this error share (in percent) the item scores zero; the bound says whether the share itself counts. */
      zeroWhen: boundSchema,
      /** Points when the period had no work at all. */
      noWork: points,
    })
    .strict(),
  /** A score taken from a ledger (互评, 群众满意度), 0..max; used by composites, not by categories. */
  z.object({ kind: z.literal('score'), max: positive }).strict(),
]);

/** Extra points on another subject for the same act: 窗口扣2分、首席代表扣1分; 相应单位扣2分. */
export const coDeductionSchema = z
  .object({
    subject: subjectKindSchema,
    /** Exact points on that subject, or a factor of the points the item moved. */
    points: points.optional(),
    factor: z.number().finite().positive().optional(),
    /** Category of that subject's table that receives the points. */
    category: id,
  })
  .strict();

export const flagKindSchema = z.enum(['disqualified', 'notice', 'return', 'replace', 'consequence', 'follow-up']);

/** A band of numbers a consequence names, for the office to pick from: 酌情扣除月度服务费5-8% → 5..8 % of 月度服务费. */
export const bandSchema = z
  .object({
    min: z.number().finite(),
    max: z.number().finite(),
    /** The unit word: %, 元, 分. */
    unit: z.string().min(1),
    /** What the band is taken of or from: 月度服务费. */
    of: z.string().min(1).optional(),
  })
  .strict();

/** A consequence the regulation names, raised with the scheme's words (and the numbers of a band, when it names one). */
export const flagSchema = z.object({ kind: flagKindSchema, text: z.string().min(1), band: bandSchema.optional() }).strict();

/**
 * 取消本季度评优评先资格 and the like, raised by a counted finding. `reach: within` (the default) bars the honour of
 * every result inside the scope period from the finding on (取消本季度评优 in January also bars March); `reach:
 * result` bars only the scope period's own result (年终不得参与评优评先: the year's result, not the later quarters).
 */
export const disqualifySchema = z
  .object({
    scope: periodKindSchema,
    reach: z.enum(['within', 'result']).default('within'),
    /** Which subject loses eligibility; defaults to the item's subject. */
    subject: subjectKindSchema.optional(),
    text: z.string().min(1),
  })
  .strict();

export const followUpSchema = z
  .object({
    days: z.number().int().positive(),
    points: points,
    text: z.string().min(1),
  })
  .strict();

export const itemSchema = z
  .object({
    id,
    category: id,
    /** Short Chinese name for lists and search: 玩手机. */
    name: z.string().min(1),
    /** The regulation's own wording, verbatim from the seed: kept for the record, never shown as it is when garbled. */
    text: z.string().min(1),
    /**
     * The wording as people read it (screens, the printed notice): simplified Chinese, without the seed's pinyin in
     * brackets. Omitted when `text` already reads cleanly; displayText(item) gives the one to show.
     */
    display: z.string().min(1).optional(),
    /** Clause reference: 二（一）1, 附件1 工作纪律, 第十五条. */
    clause: z.string().min(1),
    subject: subjectKindSchema,
    /** Office that records it (责任科室). */
    office: z.string().min(1),
    /** patrol: seen on a walk, recorded on the tablet; ledger: entered from records, complaints or statistics. */
    source: z.enum(['patrol', 'ledger']),
    direction: z.enum(['deduct', 'bonus', 'award']),
    rule: ruleSchema,
    /** Most points the item can move in one period (此项扣分不超过3分; 10分封顶). */
    cap: positive.optional(),
    /** Points an award item gives when nothing was recorded in the period (当月无办件得基础分1分). */
    unrecorded: z.number().finite().nonnegative().optional(),
    /** Starting points of an award item before its deductions (领导带班到位的得3分, 缺一次扣1分). */
    base: z.number().finite().nonnegative().optional(),
    also: z.array(coDeductionSchema).optional(),
    /**
     * One disqualification or a list (当季度不得被评为红旗窗口，年终不得参与评优评先: two bars of different scopes);
     * always a list once parsed.
     */
    disqualifies: z
      .union([disqualifySchema, z.array(disqualifySchema).min(1)])
      .transform((d) => (Array.isArray(d) ? d : [d]))
      .optional(),
    flags: z.array(flagSchema).optional(),
    followUp: followUpSchema.optional(),
    /** Which reading of an ambiguous text was taken, and why. */
    reading: z.string().optional(),
  })
  .strict();

export const categorySchema = z
  .object({
    id,
    name: z.string().min(1),
    /** deduct: starts at `points` and loses; award: earns up to `points`; bonus: adds, limited by the table's bonusCap. */
    mode: z.enum(['deduct', 'award', 'bonus']),
    points: z.number().finite().nonnegative(),
    /** Lowest score of the category (扣完为止, 不跨项扣分 = 0); omitted = deductions may run below zero into the total. */
    floor: z.number().finite().optional(),
    clause: z.string().min(1),
    /** A category computed from another table: 窗口考勤 = staff attendance average. */
    from: z
      .object({
        subject: subjectKindSchema,
        category: id,
        method: z.literal('average'),
        scale: z.number().finite().positive().default(1),
      })
      .strict()
      .optional(),
    reading: z.string().optional(),
  })
  .strict();

export const gradeSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** The totals that earn the grade; omitted = reached only by demotion (the pool an honour quota is picked from). */
    when: boundSchema.optional(),
    /** An honour grade (优秀, 红旗): a disqualified or ineligible subject cannot hold it. */
    honor: z.boolean().default(false),
    /**
     * Flags raised by this grade (不合格 → 取消当季评优评先; <70 扣服务费5-8%). `on`: only on results of that period
     * (年度考核为不称职 → 退回原单位: the year's result, not a quarter's); omitted = on every result holding the grade.
     */
    flags: z.array(flagSchema.extend({ scope: periodKindSchema.optional(), on: periodKindSchema.optional() }).strict()).optional(),
  })
  .strict();

/** 优秀等次比例不超过15%: the best-ranked keep the grade, the rest fall to `demoteTo`. */
export const quotaSchema = z
  .object({
    grade: id,
    maxShare: z.number().positive().max(1),
    rounding: z.enum(['floor', 'ceil', 'round']).default('floor'),
    demoteTo: id,
  })
  .strict();

/** 中途缺勤5个工作日及以上, 当季度不得被评为"优秀". */
export const eligibilitySchema = z
  .object({
    grade: id,
    demoteTo: id,
    items: z.array(id).min(1),
    /** Summed quantity (or count when the items have no quantity) that makes the subject ineligible. */
    when: boundSchema,
    text: z.string().min(1),
    /** The result period the limit applies to (取消年度评优: year); omitted = every result. */
    period: periodKindSchema.optional(),
  })
  .strict();

/** Flags raised by counts across periods: 被投诉月累计3次以上 → 退回; 连续三个月不合格 → 调换; 一年内累计超过5天. */
export const triggerSchema = z
  .object({
    id,
    kind: flagKindSchema,
    text: z.string().min(1),
    clause: z.string().min(1),
    subject: subjectKindSchema,
    /** items: count or summed quantity of these items within `within`; grade: consecutive periods with this grade. */
    items: z.array(id).optional(),
    measure: z.enum(['count', 'quantity']).default('count'),
    /**
     * Items: the period the count is taken in. Grade: the period the run must end with (四个季度均被评为红旗窗口: the
     * four quarters of one year), so the flag is raised only once that period's last base period is graded.
     */
    within: periodKindSchema.optional(),
    grade: id.optional(),
    consecutive: z.number().int().positive().optional(),
    when: boundSchema.optional(),
    band: bandSchema.optional(),
  })
  .strict();

/** A subject's score built from others: 窗口80% + 带队领导20%; 月考核总分÷人数. */
export const aggregateSchema = z
  .object({
    parts: z
      .array(
        z
          .object({
            /** Average the totals of these members of the subject (staff of a unit, windows of a unit, the unit's chief). */
            of: subjectKindSchema.optional(),
            /** Or a ledger score item recorded against the subject. */
            item: id.optional(),
            weight: z.number().finite().positive(),
          })
          .strict(),
      )
      .min(1),
    reading: z.string().optional(),
  })
  .strict();

export const tableSchema = z
  .object({
    subject: subjectKindSchema,
    name: z.string().min(1),
    /** Full marks (100分满分): must equal the points of the table's deduct and award categories. */
    base: z.number().finite().nonnegative(),
    /** Lowest total (扣完为止 = 0); omitted = no floor. */
    floor: z.number().finite().optional(),
    /** Most bonus points over all bonus categories (加分不超过20分). */
    bonusCap: positive.optional(),
    /** Empty only for a table whose total is an aggregate of other tables. */
    categories: z.array(categorySchema).default([]),
    grades: z.array(gradeSchema).default([]),
    quota: quotaSchema.optional(),
    eligibility: z.array(eligibilitySchema).default([]),
    aggregate: aggregateSchema.optional(),
  })
  .strict();

/** How a longer period is scored from the base period. */
export const rollupSchema = z
  .object({
    /** direct: score all findings of the longer period at once; average: average the base periods' totals. */
    quarter: z.enum(['direct', 'average']).default('direct'),
    year: z.enum(['direct', 'average']).default('direct'),
    reading: z.string().optional(),
  })
  .strict();

export const schemeSchema = z
  .object({
    format: z.literal('hall-patrol/scheme@1'),
    id,
    version: z.number().int().positive(),
    title: z.string().min(1),
    /** The seed regulation it implements, e.g. 000_71cb8c717cb5dceb.txt. */
    source: z.string().min(1),
    /** The regulation's own assessment period. */
    period: periodKindSchema,
    rollup: rollupSchema.default({ quarter: 'direct', year: 'direct' }),
    tables: z.array(tableSchema).min(1),
    items: z.array(itemSchema).min(1),
    triggers: z.array(triggerSchema).default([]),
    readings: z.array(z.string()).default([]),
  })
  .strict();

export type Bound = z.infer<typeof boundSchema>;
export type SubjectKind = z.infer<typeof subjectKindSchema>;
export type PeriodKind = z.infer<typeof periodKindSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type Item = z.infer<typeof itemSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Grade = z.infer<typeof gradeSchema>;
export type Table = z.infer<typeof tableSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
export type FlagKind = z.infer<typeof flagKindSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Disqualification = z.infer<typeof disqualifySchema>;
export type SchemeData = z.infer<typeof schemeSchema>;
