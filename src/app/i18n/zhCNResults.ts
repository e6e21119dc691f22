/**
 * 简体中文: the results screen, publishing, the bulletin (通报) and the exports (.xlsx, CSV). A namespace of its own
 * ('results'), loaded with the results screen (and by the server's exports), so the inspector's first load does not
 * carry it.
 */
export const zhCNResults = {
  period: {
    month: '{{year}}年{{index}}月',
    quarter: '{{year}}年第{{index}}季度',
    year: '{{year}}年',
  },
  subject: { staff: '工作人员', window: '窗口', chief: '首席代表', unit: '单位' },
  subjectName: { staff: '姓名', window: '窗口', chief: '首席代表', unit: '单位' },
  table: {
    rank: '排名',
    seq: '序号',
    unit: '所属单位',
    categoryHead: '{{name}}（{{points}}分）',
    bonus: '加分',
    total: '总分',
    grade: '等次',
    pending: '申诉待定',
    findings: '记录数',
    consequences: '处理',
    gradeNote: '等次说明',
    none: '—',
    noGrade: '未定等次',
  },
  quota: '{{grade}}不超过 {{share}}%：{{subjects}} 个对象中最多 {{allowed}} 个',
  sheet: {
    title: '{{hall}}{{period}}{{table}}考核结果',
    scheme: '考核办法：{{title}}（第 {{version}} 版）',
    published: '已发布：第 {{revision}} 版，{{date}}；依据记录 {{events}} 条事件，SHA-256 摘要 {{digest}}',
    unpublished: '尚未发布：按当前记录计算的结果，可能变动',
    generated: '生成时间：{{date}}',
    average: '{{name}}（{{of}}平均）',
    items: '{{table}}分项得分',
    itemsTitle: '{{hall}}{{period}}{{table}}任务分解表得分',
    primary: '一级指标',
    secondary: '二级指标',
    itemPoints: '分值',
    content: '具体考核内容',
    office: '责任科室',
    categoryTotal: '{{name}}小计',
    about: '说明',
  },
  csv: { table: '考核表', subjectKind: '对象类别', subjectId: '编号' },
};
