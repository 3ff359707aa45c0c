import type { PolicyProfile } from "./schema.ts";

// The rule coverage report: every rule of a profile (every entry that cites a
// clause or marks a default), the clause it comes from, and the code that
// applies it — or "data only" with the reason. The product tells its own gap:
// a rule no entry below applies is reported, never hidden.

export interface Bilingual {
  zh: string;
  en: string;
}

/** Where a rule sits in the profile, without list indices: `hazards.severities.rectificationDays`. */
export type Section = string;

type Rule = Record<string, unknown>;

interface Applier {
  /** The section the entry covers; `kind` narrows a discriminated list. */
  section: Section;
  kind?: string;
  /** Narrower still, on the rule's own data (e.g. an obligation with a period). */
  when?: (rule: Rule, profile: PolicyProfile) => boolean;
  /** `<file under packages/core/src> <exported name>`: what applies it (checked to exist by a test). */
  code?: string;
  does: Bilingual;
  /** Set when the rule is held but not applied: why. */
  dataOnly?: true;
}

export interface RuleRow {
  /** `obligations.regular_meeting`, `hazards.severities.general.rectificationDays` … */
  path: string;
  section: Section;
  kind?: string;
  /** The clause (`demo 一(二)`), or null for a marked default. */
  clause: string | null;
  /** The applier's code, absent for data only. */
  code?: string;
  does: Bilingual;
  dataOnly: boolean;
  /** The rule as the profile holds it. */
  rule: Readonly<Record<string, unknown>>;
}

const has = (key: string) => (rule: Rule) => rule[key] !== undefined && rule[key] !== null;

/**
 * The platform functions a profile may require, and the part of this product
 * that provides each (a platform rule asks for the product itself). null: not
 * built yet, with the reason.
 */
const PLATFORM_FUNCTIONS: Record<string, { code: string } | { missing: Bilingual }> = {
  grid_management: { code: "jurisdiction/nodes.ts listSubtree" },
  data_analysis: { code: "hazards/read.ts getCounters" },
  hazard_dispatch: { code: "hazards/machine.ts decide" },
  hazard_closed_loop: { code: "hazards/machine.ts decide" },
  grassroots_feedback: { code: "hazards/tips.ts submitTip" },
  meeting_consultation: { code: "organisation/records.ts toRecordView" },
  alarm_dispatch: { code: "incidents/review.ts nearestForcesOf" },
  iot_sensing: { code: "iot/intake.ts receiveAlarm" },
  venue_code: { code: "self-checks/links.ts issueSelfCheckLink" },
  smart_detection: { missing: { zh: "智能识别尚未接入", en: "smart detection is not connected yet" } },
  one_map: { code: "map/points.ts mapPoints" },
};

const platformFunctions = (rule: Rule) => (rule.functions as string[]).map((f) => ({ f, by: PLATFORM_FUNCTIONS[f] }));
const providesSome = (rule: Rule) => platformFunctions(rule).some(({ by }) => by !== undefined && "code" in by);

/** First match wins: put narrow entries (with `when`) before broad ones. */
const APPLIERS: readonly Applier[] = [
  { section: "levels", code: "jurisdiction/nodes.ts createNode", does: { zh: "辖区树的层级与单位类型：新建节点只能是上级的下一层级", en: "The tree's levels and units: a new node is one level below its parent" } },
  { section: "bodies", code: "organisation/bodies.ts setBody", does: { zh: "节点上设立的机构，隐患流转与报到的对象", en: "Bodies set up at a node; where hazards are routed and acknowledged" } },
  { section: "roles", code: "compliance/rules/organisation.ts composition", does: { zh: "人员所任角色，组成、配备、培训覆盖据此判定", en: "The roles people hold, which composition, staffing and training coverage judge" } },
  { section: "composition", code: "compliance/rules/organisation.ts composition", does: { zh: "机构组成（主任、副主任、成员单位）逐节点判定", en: "Committee and office composition judged per node" } },
  { section: "composition.mustHoldRole", code: "compliance/rules/organisation.ts composition", does: { zh: "职务须由该角色人员担任：未担任该角色的在任人员不计入，并点名", en: "A seat is filled only by holders of its role: others in it are not counted, and are named" } },
  { section: "composition.publicPosting", code: "compliance/rules/organisation.ts composition", does: { zh: "职务挂牌公示：未登记公示的列为问题", en: "A seat publicly posted (挂牌公示): no posting recorded is a finding" } },
  { section: "staffing.tiers", code: "compliance/rules/organisation.ts staffing", does: { zh: "镇街分档，分档配备要求据此适用", en: "Town tiers; tiered staffing applies by them" } },
  { section: "staffing.rules", code: "compliance/rules/organisation.ts staffing", does: { zh: "人员配备（人数、在编、比例）逐节点判定", en: "Staffing (counts, on-payroll, shares) judged per node" } },
  { section: "brigades.grades", code: "compliance/rules/forces.ts brigadeGrades", does: { zh: "队站等级的人员与车辆最低要求逐队判定", en: "Brigade grades' minimum staff and engines judged per brigade" } },
  { section: "brigades.grades.deployment", code: "compliance/rules/forces.ts brigadeGrades", does: { zh: "中心队、卫星队的布局角色判定", en: "Centre/satellite roles judged per brigade" } },
  { section: "brigades.requirements", code: "compliance/rules/forces.ts forceRequirements", does: { zh: "每镇、每村、每个重点单位或片区应有的消防力量", en: "The forces each town, village, key unit or zone must have" } },
  { section: "brigades.requirements.publicInstitution", code: "compliance/rules/forces.ts forceRequirements", does: { zh: "政府专职消防队登记为事业单位法人，逐队判定", en: "Full-time brigades registered as public-institution legal persons, judged per brigade" } },
  { section: "brigades.requirements.requiredTeams", code: "compliance/rules/forces.ts forceRequirements", does: { zh: "微型消防站应有的编队：逐站核对站上登记的编队", en: "The teams a station must have: each station's recorded teams checked" } },
  { section: "brigades.personnel", code: "compliance/rules/personnel.ts personnel", does: { zh: "专职消防员工资不低于基准、服务年限待遇，逐队按队员记录判定", en: "Full-time firefighters' pay floor and long-service benefits judged per brigade from member records" } },
  { section: "brigades.grades.staffQuota", code: "compliance/rules/forces.ts quotaTotal", does: { zh: "员额按等级合计为县级总额判定", en: "Staff quotas summed by grade into the county total and judged there" } },
  { section: "stationStandards", code: "compliance/rules/deadlines.ts stationStandards", does: { zh: "工作站建设标准逐项、按期判定（数值项以录入的实际数值对照最低要求）", en: "Station standards judged item by item against their deadline (a numeric item by its recorded value against its minimum)" } },
  { section: "milestones", code: "compliance/rules/deadlines.ts milestones", does: { zh: "限期事项按期判定（到期前提示、逾期）", en: "Dated milestones judged (due soon, overdue)" } },
  { section: "venues.riskGrades", code: "venues/classify.ts classify", does: { zh: "场所风险等级，分级监管据此匹配", en: "Risk grades that supervision matches on" } },
  { section: "venues.keyUnitLevels", code: "venues/classify.ts classify", does: { zh: "重点单位等级，分级监管据此匹配", en: "Key-unit levels that supervision matches on" } },
  { section: "venues.enterpriseGrades", code: "venues/classify.ts classify", does: { zh: "企业分级，分级监管据此匹配", en: "Enterprise grades that supervision matches on" } },
  { section: "venues.kinds", code: "venues/classify.ts classify", does: { zh: "场所类型：标记、风险等级与检查类别", en: "Venue kinds: their flags, risk grade and inspection category" } },
  { section: "venues.supervision.rules", code: "venues/classify.ts classify", does: { zh: "按规则确定每个场所的监管主体", en: "Each venue's supervising body, by rule" } },
  { section: "venues.supervision.fallback", code: "venues/classify.ts classify", does: { zh: "其余场所的监管主体", en: "The supervisor of every other venue" } },
  { section: "venues.policies", kind: "reclassify_on_change", code: "venues/classify.ts reclassifyBasis", does: { zh: "场所情况变化时重新分类并留痕", en: "A venue is classified again when its facts change, with the basis recorded" } },
  { section: "venues.policies", kind: "patrol_assignment", code: "venues/classify.ts venueDuties", does: { zh: "小场所的巡查责任按场所类别划分至对应职能部门", en: "A small venue's patrol duty goes to the department its kind chooses" } },
  { section: "venues.policies", kind: "report_unassigned", code: "venues/classify.ts venueDuties", does: { zh: "无监管规则对应的其他单位上报指定机构，并推送至其类别的行业主管部门", en: "A unit no rule assigns is reported to the named body and pushed on to its kind's department" } },
  { section: "venues.policies", kind: "inventory", code: "venues/ledger.ts exportVenues", does: { zh: "监管对象清单：台账逐一列出场所及其监管主体、检查类别", en: "The inventory: the ledger lists every venue with its supervisor and inspection categories" } },
  { section: "venues.policies", kind: "safety_evaluation", code: "venues/evaluation.ts evaluationPolicyFor", does: { zh: "须安全评估的场所：评估不合格即不得经营使用，并生成隐患；未评估的场所单列", en: "Venues that need a safety evaluation: a failed one must not operate and raises a hazard; those without one are listed" } },
  { section: "venues.industryDepartments", code: "profile/industry.ts industryDepartmentFor", does: { zh: "场所类别对应的行业主管部门：隐患报送、挂牌会同、巡查责任据此确定", en: "The industry department of a venue's kind: reports, joint listing and patrol duty go to it" } },
  { section: "venues.policies", kind: "patrol_plan", code: "inspections/schedule.ts planTask", does: { zh: "高风险场所须明确巡查人员、频次、方式；巡查计划生成仅限该巡查人员的任务，缺计划的场所单列", en: "High-risk venues name a patroller, frequency and method; the plan makes tasks for that patroller only; venues without one are listed" } },
  { section: "roles", when: (r) => r.actsAs !== undefined, code: "inspections/performers.ts mayPerform", does: { zh: "该角色由哪些系统角色担任：检查任务只能由其执行", en: "Which platform roles act in the role: only they perform its inspection tasks" } },
  { section: "venues.policies", kind: "random_spot_check", code: "spot-checks/draws.ts runDraw", does: { zh: "双随机抽取场所与检查人员（可复现的种子），生成仅限抽中人员的任务，结果公开", en: "A seeded, reproducible random draw of venues and inspectors; tasks for the drawn inspectors only; results public" } },
  ...["frequency", "draw", "inspectorRoles", "inspectorsPerVenue"].map((part) => ({ section: `venues.policies.${part}`, code: "spot-checks/draws.ts runDraw", does: { zh: "双随机抽查的周期、数量与检查人员", en: "The spot-check draw's period, size and inspectors" } })),
  { section: "inspectionCategories", when: (r) => has("coveragePeriod")(r) || has("patrolFrequency")(r), code: "inspections/schedule.ts dueTasks", does: { zh: "按检查类别的频次生成检查、巡查任务", en: "Coverage and patrol tasks from the category's frequencies" } },
  { section: "inspectionCategories", when: (r, p) => p.venues.policies.some((x) => x.kind === "random_spot_check" && x.category === r.id), code: "spot-checks/draws.ts runDraw", does: { zh: "抽查类别：双随机抽中的场所按此检查表检查", en: "A spot-check category: drawn venues are checked on its checklist" } },
  { section: "inspectionCategories", dataOnly: true, does: { zh: "检查类别未定频次，不生成任务（仅随机检查时使用其检查表）", en: "A category without frequency makes no tasks (its checklist is used on ad hoc visits only)" } },
  { section: "inspectionCategories.coveragePeriod", code: "inspections/schedule.ts dueTasks", does: { zh: "该类别每个场所每周期至少检查一次：按此生成检查任务", en: "Every venue of the category is visited once per period: the coverage tasks come from it" } },
  { section: "inspectionCategories.checklist", code: "inspections/perform.ts finishInspection", does: { zh: "检查表逐项填写，不合格项生成带代码的隐患", en: "Checklist answered item by item; a failed item raises a coded hazard" } },
  { section: "hazards.workflow", code: "hazards/machine.ts initialState", does: { zh: "隐患闭环的环节与顺序", en: "The hazard loop's states and their order" } },
  { section: "hazards.reopenWindowDays", code: "hazards/machine.ts decide", does: { zh: "结案后期限内再次发现即重新打开", en: "Found again within the window after closing: reopened" } },
  { section: "hazards.codes", code: "hazards/rules.ts hazardCodes", does: { zh: "隐患代码，上报与检查表据此校验", en: "Hazard codes that reports and checklists are checked against" } },
  { section: "hazards.severities", code: "hazards/rules.ts handlingFor", does: { zh: "隐患等级决定承办主体", en: "A severity decides who handles the hazard" } },
  { section: "hazards.severities.rectificationDays", code: "hazards/rules.ts deadlineFor", does: { zh: "整改期限自等级而来，逾期自动标记", en: "The rectification deadline comes from the severity; overdue is marked on its own" } },
  { section: "hazards.escalations", code: "hazards/rules.ts applyRules", does: { zh: "满足条件的隐患自动报送、移送、移交", en: "Hazards meeting the conditions are reported, transferred or handed over" } },
  { section: "hazards.listedSupervision", code: "hazards/rules.ts listingOf", does: { zh: "挂牌督办的层级、挂牌主体与核定", en: "Listed-supervision levels, who lists and who approves" } },
  { section: "hazards.publicResponses", code: "profile/responses.ts responsesFor", does: { zh: "答复群众的模板：工作人员在每个办理环节选用（占位符由隐患填充）或自写公开答复，举报人凭查询码查看", en: "Response templates for the public: on each move an officer picks one (placeholders filled from the hazard) or writes their own public note, which the tipster reads with the receipt code" } },
  { section: "hazards.listedSupervision.triggers", code: "hazards/rules.ts applyRules", does: { zh: "满足触发条件的隐患提请挂牌", en: "Hazards meeting a trigger are put up for listing" } },
  { section: "assessment.schemes", when: (r) => (r.assessedLevels as unknown[]).length > 0 || (r.assessedBodies as unknown[] | undefined)?.length !== undefined, code: "assessment/scorecard.ts scoreNode", does: { zh: "考核方案：逐个被考核单位按期评分、排名，标出落后单位", en: "An assessment scheme: each assessed unit scored per period, ranked, laggards flagged" } },
  { section: "assessment.schemes", dataOnly: true, does: { zh: "文件未规定考核对象，不生成评分表", en: "The document names no one assessed: no scorecard" } },
  { section: "assessment.schemes.indicators", code: "assessment/scorecard.ts scoreNode", does: { zh: "考核指标：由系统数据计算，或由考核单位评分，按权重合计", en: "An indicator: computed from the product's data or scored by the assessor, weighted into the total" } },
  { section: "assessment.schemes.lagging", code: "assessment/scorecard.ts rankAndFlag", does: { zh: "落后单位的判定标准", en: "Who counts as lagging" } },
  { section: "assessment.incentives", when: (r) => (r.candidates as { from?: string } | undefined)?.from !== undefined && (r.candidates as { from: string }).from !== "manual", code: "assessment/incentives.ts incentiveCandidates", does: { zh: "奖惩：由系统数据提出候选对象，登记后留痕", en: "An incentive: candidates proposed from the product's data, recorded with an audit entry" } },
  { section: "assessment.incentives", code: "assessment/incentives.ts recordIncentive", does: { zh: "奖惩登记：对象由人工确定（系统无可据以提名的数据，如火灾事故、物业企业），登记留痕并随节点迁移", en: "Recorded in the register: the candidates are chosen by people (the product holds no data to propose them, e.g. fire incidents or property companies), each entry audited and moved with its node" } },
  { section: "responsibilities", code: "compliance/rules/duties.ts duties", does: { zh: "履职事项：履职主体按期报告，未报告的列为问题", en: "A duty: its holder reports on it each period; an unreported duty is a finding" } },
  { section: "responsibilities.report", code: "compliance/rules/duties.ts duties", does: { zh: "履职报告周期", en: "How often a duty is reported" } },
  { section: "tips.reward", code: "hazards/rewards.ts rewardOf", does: { zh: "群众举报经核实为真实隐患（立案且未撤销）的，列为可奖励，由工作人员登记奖励，举报人凭查询码查看", en: "A resident's tip confirmed as a real hazard (registered, not withdrawn) becomes eligible; staff record the reward and the tipster sees it with the receipt code" } },
  { section: "selfCheck", code: "self-checks/list.ts selfCheckPeriod", does: { zh: "场所负责人凭场所码（签名链接）按期自查，不合格项生成隐患交网格核实，漏报的场所单列", en: "The person in charge self-checks each period from the venue's code (a signed link); failed items raise hazards for the grid to verify; venues that miss a period are listed" } },
  { section: "incidents.causes", code: "incidents/rules.ts causeOf", does: { zh: "火灾事故的起火原因分类：登记时据此校验，台账与导出按其名称", en: "A fire incident's cause categories: checked on record, named in the list and the export" } },
  { section: "incidents.reviewWindowMonths", code: "incidents/review.ts reviewOf", does: { zh: "事故倒查期限：事故场所此前期限内的检查、隐患（逾期、逾期未改、超期整改）列于事故页", en: "The review window: the venue's inspections and hazards (overdue, still overdue, closed late) before the fire, on the incident's page" } },
  { section: "incidents.accountability", code: "incidents/review.ts reviewOf", does: { zh: "履职不力造成火灾事故的责任追究：事故倒查页引用此条款", en: "Accountability when a fire follows failed duties: the incident's review cites the clause" } },
  { section: "incidents.dispatch", code: "incidents/review.ts nearestForcesOf", does: { zh: "火警派警：按直线距离由近及远推荐本县有位置的消防力量", en: "Alarm dispatch: the county's forces with a position suggested nearest first (straight-line distance)" } },
  { section: "homeVisits.categories", code: "home-visits/policy.ts dueOf", does: { zh: "需特殊关爱的住户按类别登记，按频次计算下次应访日期，逾期与近期应访的列入待走访", en: "Vulnerable households registered by category; the next visit falls due one frequency after the last, and overdue or soon-due ones are listed" } },
  { section: "homeVisits.checklist", code: "home-visits/visits.ts recordVisit", does: { zh: "入户走访逐项检查，不合格项在同一事务中生成该代码的隐患", en: "A visit answers each item; a failed item raises a hazard of its code in the same transaction" } },
  { section: "homeVisits.piiReaders", code: "home-visits/households.ts revealIdNumber", does: { zh: "身份证号在列表、详情、导出中一律脱敏，仅这些角色可查看全文，每次查看留痕", en: "ID numbers are masked in lists, details and exports; only these roles read them in full, each read audited" } },
  { section: "homeVisits.withoutConsent", code: "home-visits/households.ts registerHousehold", does: { zh: "未取得同意时只登记类别、住址及此处所列信息，其余个人信息拒收", en: "Without consent only the category, the address and the fields listed here are kept; other personal data is refused" } },
  { section: "resources.funding", code: "resources/findings.ts resourceFindings", does: { zh: "经费保障：节点按年度录入经费预算科目与支出（附凭证），未录入本年度预算的列为问题", en: "Funding: a node keeps yearly budget lines and spending (with receipts); no budget for the year is a finding" } },
  { section: "resources.equipment", code: "resources/findings.ts resourceFindings", does: { zh: "装备台账：到期前规定天数提示、过期或逾期未检的列为问题", en: "Equipment register: warned the set days before expiry; expired or overdue checks are findings" } },
  { section: "resources.equipmentKinds", code: "resources/equipment.ts createEquipment", does: { zh: "装备类型：登记装备只能选择档案中的类型", en: "Equipment kinds: equipment is registered under the profile's kinds" } },
  { section: "resources.minimums", code: "resources/findings.ts resourceFindings", does: { zh: "装备配备标准：在有效期内的数量逐节点判定", en: "Equipment standards: in-date counts judged per node" } },
  { section: "qualifications.certificateKinds", code: "resources/qualifications.ts createCertificate", does: { zh: "职业资格类型：登记证书只能选择档案中的类型", en: "Qualification kinds: certificates are registered under the profile's kinds" } },
  { section: "qualifications.certificates", code: "resources/findings.ts resourceFindings", does: { zh: "资格证书到期前规定天数提示，过期的列为问题", en: "Certificates warned the set days before they lapse; lapsed ones are findings" } },
  { section: "qualifications.training", code: "resources/qualifications.ts trainingResults", does: { zh: "培训考核：成绩低于合格分数的列为不合格", en: "Training assessment: scores below the pass mark fail" } },
  { section: "warnings.issuers", code: "warnings/issue.ts issueWarning", does: { zh: "预警发布主体：仅这些层级的人员可向下级节点发布预警", en: "Who issues warnings: officers at these levels, to nodes of their subtree" } },
  { section: "warnings.levels", code: "warnings/rules.ts deadlineOf", does: { zh: "预警级别及叫应时限：发布时按级别确定截止时间", en: "Warning levels and their answer windows: the deadline comes from the level when issued" } },
  { section: "warnings.escalation", code: "warnings/escalate.ts escalateWarnings", does: { zh: "到期未叫应的节点升级：标记并通知上级节点人员和/或发布人", en: "Targets unanswered at the deadline escalate: marked, and the parent's officers and/or the issuer told" } },
  { section: "iot.deviceTypes", code: "iot/devices.ts registerDevice", does: { zh: "消防物联网设备类型：登记设备时据此校验", en: "IoT device types: a registered device is checked against them" } },
  { section: "iot.alarmTypes", code: "iot/intake.ts receiveAlarm", does: { zh: "设备报警（签名校验、防重放）按报警类型生成隐患（代码、等级）或仅通知属地人员；误报关闭计入设备", en: "A signed device alarm (replays refused) raises a hazard of the type's code and severity, or only notifies the node's officers; false alarms count on the device" } },
  { section: "iot.attachWindowMinutes", code: "iot/intake.ts attachTo", does: { zh: "同一设备同类报警在时限内归并到已有隐患（计数），不重复立案", en: "Repeated alarms of one device within the window attach to the open hazard (counted), not new ones" } },
  { section: "iot.heartbeatSilenceMinutes", code: "iot/status.ts deviceStatus", does: { zh: "设备超过时限无心跳即为离线，列为问题并引用本规则", en: "A device silent past the window is offline: a finding citing this rule" } },
  { section: "platforms", when: providesSome, code: "profile/coverage.ts platformSupport", does: { zh: "平台功能由本系统提供（缺少的功能逐项列出）", en: "The platform's functions are this product's (any missing are listed)" } },
  { section: "platforms", dataOnly: true, does: { zh: "平台功能本系统尚未提供", en: "None of the platform's functions is in the product yet" } },
  { section: "obligations.occasions", code: "compliance/rules/obligations.ts obligations", does: { zh: "宣传活动日、活动月逐个判定是否开展", en: "Each campaign day or month judged on whether it was marked" } },
  { section: "obligations.eventWindowDays", code: "compliance/rules/obligations.ts obligations", does: { zh: "入职、转岗后限期完成培训", en: "Training due within the window after a hire or change of post" } },
  { section: "obligations", when: (r) => r.kind === "ledger_report" && has("frequency")(r), code: "compliance/rules/obligations.ts obligations", does: { zh: "隐患台账按期报送，报送的每月数（发现、结案）与隐患台账计数核对，不符的列为问题", en: "The hazard ledger reported each period; each month's reported counts (reported, closed) checked against the hazard counters, a mismatch is a finding" } },
  { section: "obligations", when: has("frequency"), code: "compliance/rules/obligations.ts obligations", does: { zh: "例行工作按周期判定（已完成、将到期、未完成）", en: "Recurring duties judged per period (met, due soon, unmet)" } },
  { section: "obligations", dataOnly: true, does: { zh: "文件未定频次，只记录、不判定", en: "No period in the document: recorded, not judged" } },
  // Rules that measure (issue 14): classification by numbers, N times per period, windows and the roll-up level.
  { section: "venues.policies", kind: "classify", code: "venues/classify.ts classifyByPolicies", does: { zh: "按场所数值（高度、面积、层数、人数、床位）与类别分类：设定重点单位级别、风险等级、标记", en: "Classification by the venue's numbers (height, area, storeys, occupants, beds) and kinds: sets its key-unit level, risk grade, flags" } },
  { section: "settings.acknowledgeHours", code: "hazards/rules.ts acknowledgeBy", does: { zh: "部门报到时限（小时）：报送、移送、挂牌会同的部门须在时限内报到", en: "Hours a department has to acknowledge a hazard reported, transferred or jointly listed to it" } },
  { section: "settings.dueSoonDays", code: "profile/settings.ts dueSoonDays", does: { zh: "临期天数：期限前此天数内为“将到期”", en: "The due-soon window: within these days of a deadline it is due soon" } },
  { section: "settings.rollupLevel", code: "compliance/read.ts refreshRollup", does: { zh: "合规汇总按此层级逐单位统计", en: "The compliance roll-up counts per unit of this level" } },
];

/** Every rule of the profile, in document order of the profile's sections. */
export function profileRules(profile: PolicyProfile): { path: string; section: Section; rule: Rule }[] {
  const out: { path: string; section: Section; rule: Rule }[] = [];
  const walk = (value: unknown, path: string[], section: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, typeof (item as Rule)?.id === "string" ? String((item as Rule).id) : String(i)], section));
      return;
    }
    if (value === null || typeof value !== "object") return;
    const rule = value as Rule;
    if (Object.hasOwn(rule, "sourceRef")) out.push({ path: path.join("."), section: section.join("."), rule });
    for (const [key, child] of Object.entries(rule)) {
      if (child !== null && typeof child === "object") walk(child, [...path, key], [...section, key]);
    }
  };
  walk(profile, [], []);
  return out;
}

const UNKNOWN: Bilingual = { zh: "没有任何代码读取这条规则", en: "No code reads this rule" };

/** The report rows of one profile: each rule with its applier, or data only with the reason. */
export function ruleCoverage(profile: PolicyProfile): RuleRow[] {
  return profileRules(profile).map(({ path, section, rule }) => {
    const kind = typeof rule.kind === "string" ? rule.kind : undefined;
    const applier = APPLIERS.find((a) => a.section === section && (a.kind === undefined || a.kind === kind) && (a.when === undefined || a.when(rule, profile)));
    const clause = typeof rule.sourceRef === "string" ? rule.sourceRef : null;
    const base = { path, section, ...(kind === undefined ? {} : { kind }), clause, rule };
    if (!applier) return { ...base, does: UNKNOWN, dataOnly: true };
    return { ...base, ...(applier.code === undefined ? {} : { code: applier.code }), does: applier.does, dataOnly: applier.dataOnly === true };
  });
}

/** Per platform rule: the functions this product provides, by which code, and those it does not. */
export function platformSupport(platform: { functions: readonly string[] }): { provided: { fn: string; code: string }[]; missing: { fn: string; why: Bilingual }[] } {
  const rows = platformFunctions(platform as unknown as Rule);
  return {
    provided: rows.flatMap(({ f, by }) => (by && "code" in by ? [{ fn: f, code: by.code }] : [])),
    missing: rows.flatMap(({ f, by }) => (by && "code" in by ? [] : [{ fn: f, why: by?.missing ?? { zh: "未知功能", en: "unknown function" } }])),
  };
}

/** The code references of the table, for the test that holds them to the source. */
export const applierCode = (): string[] => [
  ...new Set([...APPLIERS.flatMap((a) => (a.code ? [a.code] : [])), ...Object.values(PLATFORM_FUNCTIONS).flatMap((p) => ("code" in p ? [p.code] : []))]),
];
