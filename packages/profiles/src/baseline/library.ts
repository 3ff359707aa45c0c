// The national baseline: checklist items and the hazard codes they raise,
// each cited to a national norm (消防法, 公安部令第61号, 应急管理部令第5号,
// 住房和城乡建设部令第6号, GB 35181-2017). Product data, not a county's: a
// preset adopts items by id (`adoptBaseline`) and the items are expanded into
// the profile, so a published version never changes when this library does.
//
// Texts quote the norm's own words as far as they go; where a requirement is
// a list item, the quote is that item. GB 35181-2017 clauses in chapter 6 are
// direct criteria of a major fire hazard (符合第6章任意一条的，直接判定为重大火灾隐患);
// items citing them say so in their name, so the inspector grades the hazard.

export interface BaselineCode {
  id: string;
  name: { zh: string; en: string };
  sourceRef: string;
  text: string;
}

export interface BaselineItem {
  id: string;
  name: { zh: string; en: string };
  hazardCode: string;
  sourceRef: string;
  text: string;
}

const FIRE_LAW_28 = "任何单位、个人不得损坏、挪用或者擅自拆除、停用消防设施、器材，不得埋压、圈占、遮挡消火栓或者占用防火间距，不得占用、堵塞、封闭疏散通道、安全出口、消防车通道。人员密集场所的门窗不得设置影响逃生和灭火救援的障碍物。";

export const BASELINE_CODES: readonly BaselineCode[] = [
  { id: "escape_route_blocked", name: { zh: "占用、堵塞、封闭疏散通道、安全出口", en: "Escape route or exit blocked" }, sourceRef: "消防法 第二十八条", text: "不得占用、堵塞、封闭疏散通道、安全出口、消防车通道" },
  { id: "fire_lane_blocked", name: { zh: "占用、堵塞、封闭消防车通道", en: "Fire-engine access blocked" }, sourceRef: "消防法 第二十八条", text: "不得占用、堵塞、封闭疏散通道、安全出口、消防车通道" },
  { id: "window_obstacles", name: { zh: "人员密集场所门窗设置影响逃生和灭火救援的障碍物", en: "Bars on a crowded venue's doors or windows" }, sourceRef: "消防法 第二十八条", text: "人员密集场所的门窗不得设置影响逃生和灭火救援的障碍物" },
  { id: "equipment_faulty", name: { zh: "消防设施、器材不完好有效", en: "Fire equipment faulty or missing" }, sourceRef: "消防法 第十六条(二)", text: "按照国家标准、行业标准配置消防设施、器材，设置消防安全标志，并定期组织检验、维修，确保完好有效" },
  { id: "facility_test_missing", name: { zh: "未对建筑消防设施每年全面检测", en: "No yearly full test of building fire systems" }, sourceRef: "消防法 第十六条(三)", text: "对建筑消防设施每年至少进行一次全面检测，确保完好有效，检测记录应当完整准确，存档备查" },
  { id: "equipment_obstructed", name: { zh: "埋压、圈占、遮挡消火栓", en: "Hydrant buried, fenced off or hidden" }, sourceRef: "消防法 第二十八条", text: "不得埋压、圈占、遮挡消火栓" },
  { id: "equipment_disabled", name: { zh: "损坏、挪用或擅自拆除、停用消防设施器材", en: "Fire equipment damaged, removed or switched off" }, sourceRef: "消防法 第二十八条", text: "任何单位、个人不得损坏、挪用或者擅自拆除、停用消防设施、器材" },
  { id: "evacuation_signs_faulty", name: { zh: "安全疏散指示标志、应急照明不完好", en: "Exit signs or emergency lighting faulty" }, sourceRef: "公安部令第61号 第二十五条(二)", text: "安全出口、疏散通道是否畅通，安全疏散指示标志、应急照明是否完好" },
  { id: "fire_door_open", name: { zh: "常闭式防火门未关闭或防火卷帘下堆放物品", en: "Fire door left open or fire shutter obstructed" }, sourceRef: "公安部令第61号 第二十五条(四)", text: "常闭式防火门是否处于关闭状态，防火卷帘下是否堆放物品影响使用" },
  { id: "unsafe_fire_electricity", name: { zh: "违章用火、用电", en: "Unsafe use of fire or electricity" }, sourceRef: "公安部令第61号 第二十五条(一)", text: "用火、用电有无违章情况" },
  { id: "patrol_system_missing", name: { zh: "未落实防火巡查、检查及记录", en: "Fire patrols or checks not done or not recorded" }, sourceRef: "公安部令第61号 第二十五条", text: "防火巡查应当填写巡查记录，巡查人员及其主管人员应当在巡查记录上签名" },
  { id: "training_missing", name: { zh: "未开展员工消防安全培训", en: "No staff fire-safety training" }, sourceRef: "公安部令第61号 第三十六条", text: "单位应当通过多种形式开展经常性的消防安全宣传教育。消防安全重点单位对每名员工应当至少每年进行一次消防安全培训" },
  { id: "control_room_unattended", name: { zh: "消防控制室值班不落实或值班人员无证", en: "Fire control room unattended or operators uncertified" }, sourceRef: "公安部令第61号 第三十八条", text: "（三）消防控制室的值班、操作人员……前款规定中的第（三）项人员应当持证上岗" },
  { id: "ebike_charging", name: { zh: "电动自行车违规停放、充电", en: "E-bikes parked or charged where not allowed" }, sourceRef: "应急管理部令第5号 第三十七条", text: "禁止在高层民用建筑公共门厅、疏散走道、楼梯间、安全出口停放电动自行车或者为电动自行车充电" },
  { id: "three_in_one", name: { zh: "住宿与生产、储存、经营场所合用（“三合一”）不符合要求", en: "Living quarters combined with production, storage or business" }, sourceRef: "消防法 第十九条", text: "生产、储存、经营易燃易爆危险品的场所不得与居住场所设置在同一建筑物内，并应当与居住场所保持安全距离。生产、储存、经营其他物品的场所与居住场所设置在同一建筑物内的，应当符合国家工程建设消防技术标准" },
  { id: "illegal_lodging", name: { zh: "违规住人、搭建阁楼", en: "People living on site, illegal lofts" }, sourceRef: "GB 35181-2017 7.1.3", text: "在厂房、库房、商场中设置员工宿舍，或是在居住等民用建筑中从事生产、储存、经营等活动，且不符合GA 703的规定" },
  { id: "lpg_misuse", name: { zh: "违规使用液化石油气、燃气用具", en: "LPG or gas appliances used unsafely" }, sourceRef: "消防法 第二十七条", text: "电器产品、燃气用具的安装、使用及其线路、管路的设计、敷设、维护保养、检测，必须符合消防技术标准和管理规定" },
  { id: "illegal_hot_work", name: { zh: "违章动火作业", en: "Hot work without approval" }, sourceRef: "消防法 第二十一条", text: "因施工等特殊情况需要使用明火作业的，应当按照规定事先办理审批手续，采取相应的消防安全措施" },
  { id: "uncertified_operator", name: { zh: "电焊、气焊等作业人员未持证上岗", en: "Welders or system operators without certificates" }, sourceRef: "消防法 第二十一条", text: "进行电焊、气焊等具有火灾危险作业的人员和自动消防系统的操作人员，必须持证上岗，并遵守消防安全操作规程" },
  { id: "hazardous_materials", name: { zh: "违规生产、储存、使用易燃易爆危险品", en: "Flammable or explosive goods kept or used unsafely" }, sourceRef: "消防法 第二十三条", text: "生产、储存、运输、销售、使用、销毁易燃易爆危险品，必须执行消防技术标准和管理规定" },
  { id: "group_renting", name: { zh: "群租（分隔出租、非居住空间住人）", en: "Group renting (partitioned rooms, non-living spaces let)" }, sourceRef: "住房和城乡建设部令第6号 第八条", text: "出租住房的，应当以原设计的房间为最小出租单位，人均租住建筑面积不得低于当地人民政府规定的最低标准。厨房、卫生间、阳台和地下储藏室不得出租供人员居住" },
];

export const BASELINE_ITEMS: readonly BaselineItem[] = [
  // Escape and access (消防法 第二十八条)
  { id: "exit_blocked", name: { zh: "疏散通道、安全出口畅通，未被占用、堵塞、封闭", en: "Escape routes and exits kept clear" }, hazardCode: "escape_route_blocked", sourceRef: "消防法 第二十八条", text: "不得占用、堵塞、封闭疏散通道、安全出口、消防车通道" },
  { id: "fire_lane_clear", name: { zh: "消防车通道畅通", en: "Fire-engine access kept clear" }, hazardCode: "fire_lane_blocked", sourceRef: "消防法 第二十八条", text: "不得占用、堵塞、封闭疏散通道、安全出口、消防车通道" },
  { id: "no_window_bars", name: { zh: "门窗未设置影响逃生和灭火救援的障碍物", en: "No bars on doors or windows that hinder escape or rescue" }, hazardCode: "window_obstacles", sourceRef: "消防法 第二十八条", text: "人员密集场所的门窗不得设置影响逃生和灭火救援的障碍物" },
  { id: "emergency_lighting", name: { zh: "应急照明和安全疏散指示标志完好", en: "Emergency lighting and exit signs working" }, hazardCode: "evacuation_signs_faulty", sourceRef: "公安部令第61号 第二十五条(二)", text: "安全出口、疏散通道是否畅通，安全疏散指示标志、应急照明是否完好" },
  { id: "fire_door_closed", name: { zh: "常闭式防火门保持关闭，防火卷帘下无堆放物品", en: "Fire doors kept shut, nothing under fire shutters" }, hazardCode: "fire_door_open", sourceRef: "公安部令第61号 第二十五条(四)", text: "常闭式防火门是否处于关闭状态，防火卷帘下是否堆放物品影响使用" },

  // Fire equipment
  { id: "equipment_working", name: { zh: "消防设施、器材完好有效", en: "Fire equipment in working order" }, hazardCode: "equipment_faulty", sourceRef: "消防法 第十六条(二)", text: "按照国家标准、行业标准配置消防设施、器材，设置消防安全标志，并定期组织检验、维修，确保完好有效" },
  { id: "extinguishers", name: { zh: "灭火器材按规定配置且有效", en: "Extinguishers provided and in date" }, hazardCode: "equipment_faulty", sourceRef: "公安部令第61号 第二十六条(四)", text: "灭火器材配置及有效情况" },
  { id: "hydrant_unobstructed", name: { zh: "消火栓未被埋压、圈占、遮挡", en: "Hydrants not buried, fenced off or hidden" }, hazardCode: "equipment_obstructed", sourceRef: "消防法 第二十八条", text: "不得埋压、圈占、遮挡消火栓" },
  { id: "equipment_not_disabled", name: { zh: "消防设施、器材未被损坏、挪用、擅自拆除或停用", en: "Fire equipment not damaged, removed or switched off" }, hazardCode: "equipment_disabled", sourceRef: "消防法 第二十八条", text: "任何单位、个人不得损坏、挪用或者擅自拆除、停用消防设施、器材" },
  { id: "facility_yearly_test", name: { zh: "建筑消防设施每年至少全面检测一次，记录存档", en: "Building fire systems fully tested every year, records kept" }, hazardCode: "facility_test_missing", sourceRef: "消防法 第十六条(三)", text: "对建筑消防设施每年至少进行一次全面检测，确保完好有效，检测记录应当完整准确，存档备查" },
  { id: "shared_facilities_kept", name: { zh: "物业服务企业维护管理共用消防设施", en: "The property manager maintains shared fire equipment" }, hazardCode: "equipment_faulty", sourceRef: "消防法 第十八条", text: "住宅区的物业服务企业应当对管理区域内的共用消防设施进行维护管理，提供消防安全防范服务" },

  // A unit's own fire-safety management (公安部令第61号)
  { id: "patrol_records", name: { zh: "开展防火巡查并填写巡查记录", en: "Fire patrols done and recorded" }, hazardCode: "patrol_system_missing", sourceRef: "公安部令第61号 第二十五条", text: "防火巡查应当填写巡查记录，巡查人员及其主管人员应当在巡查记录上签名" },
  { id: "fire_checks", name: { zh: "按规定定期开展防火检查", en: "Fire checks held as often as required" }, hazardCode: "patrol_system_missing", sourceRef: "公安部令第61号 第二十六条", text: "机关、团体、事业单位应当至少每季度进行一次防火检查，其他单位应当至少每月进行一次防火检查" },
  { id: "staff_training", name: { zh: "员工消防安全培训", en: "Staff fire-safety training" }, hazardCode: "training_missing", sourceRef: "公安部令第61号 第三十六条", text: "单位应当通过多种形式开展经常性的消防安全宣传教育。消防安全重点单位对每名员工应当至少每年进行一次消防安全培训" },
  { id: "control_room_certified", name: { zh: "消防控制室值班、操作人员持证上岗", en: "Fire control-room operators certified" }, hazardCode: "control_room_unattended", sourceRef: "公安部令第61号 第三十八条", text: "（三）消防控制室的值班、操作人员……前款规定中的第（三）项人员应当持证上岗" },
  { id: "fire_electricity_use", name: { zh: "用火、用电无违章", en: "No unsafe use of fire or electricity" }, hazardCode: "unsafe_fire_electricity", sourceRef: "公安部令第61号 第二十五条(一)", text: "用火、用电有无违章情况" },

  // High-rise civil buildings (应急管理部令第5号)
  { id: "high_rise_control_room_duty", name: { zh: "高层民用建筑消防控制室24小时值班，每班不少于2人", en: "High-rise control room staffed around the clock, at least 2 per shift" }, hazardCode: "control_room_unattended", sourceRef: "应急管理部令第5号 第二十六条", text: "高层民用建筑消防控制室应当由其管理单位实行24小时值班制度，每班不应少于2名值班人员" },
  { id: "ebike_not_indoors", name: { zh: "电动自行车不在公共门厅、疏散走道、楼梯间、安全出口停放、充电", en: "No e-bikes parked or charged in lobbies, corridors, stairwells or exits" }, hazardCode: "ebike_charging", sourceRef: "应急管理部令第5号 第三十七条", text: "禁止在高层民用建筑公共门厅、疏散走道、楼梯间、安全出口停放电动自行车或者为电动自行车充电" },

  // E-bikes anywhere: parked or charging in an escape route occupies it (消防法 第二十八条)
  { id: "ebike_not_in_escape_route", name: { zh: "电动自行车不在楼道、疏散通道停放、充电", en: "No e-bikes parked or charged in stairways or escape routes" }, hazardCode: "ebike_charging", sourceRef: "消防法 第二十八条", text: "不得占用、堵塞、封闭疏散通道、安全出口" },

  // Living with work (三合一), lodging, renting
  { id: "three_in_one_separated", name: { zh: "“三合一”场所住宿与生产、储存、经营部分符合分隔要求", en: "Three-in-one premises: living quarters separated from work areas" }, hazardCode: "three_in_one", sourceRef: "消防法 第十九条", text: "生产、储存、经营其他物品的场所与居住场所设置在同一建筑物内的，应当符合国家工程建设消防技术标准" },
  { id: "no_flammables_with_dwelling", name: { zh: "易燃易爆危险品场所未与人员密集场所、居住场所设在同一建筑物内（重大火灾隐患直接判定要素）", en: "No flammable-goods premises in one building with crowded or living spaces (a direct major-hazard criterion)" }, hazardCode: "three_in_one", sourceRef: "GB 35181-2017 6.2", text: "生产、储存、经营易燃易爆危险品的场所与人员密集场所、居住场所设置在同一建筑物内，或与人员密集场所、居住场所的防火间距小于国家工程建设消防技术标准规定值的75%" },
  { id: "no_illegal_lodging", name: { zh: "无违规住人、搭建阁楼（厂房、库房、商场内不设员工宿舍）", en: "No one living on site, no illegal lofts or dormitories" }, hazardCode: "illegal_lodging", sourceRef: "GB 35181-2017 7.1.3", text: "在厂房、库房、商场中设置员工宿舍，或是在居住等民用建筑中从事生产、储存、经营等活动，且不符合GA 703的规定" },
  { id: "no_group_renting", name: { zh: "按原设计房间出租，厨房、卫生间、阳台和地下储藏室不住人", en: "Let by the original rooms; no one living in kitchens, bathrooms, balconies or basements" }, hazardCode: "group_renting", sourceRef: "住房和城乡建设部令第6号 第八条", text: "出租住房的，应当以原设计的房间为最小出租单位，人均租住建筑面积不得低于当地人民政府规定的最低标准。厨房、卫生间、阳台和地下储藏室不得出租供人员居住" },

  // Gas, hot work, hazardous goods
  { id: "lpg_cylinders", name: { zh: "液化石油气钢瓶、燃气用具安装使用符合规定", en: "LPG cylinders and gas appliances installed and used safely" }, hazardCode: "lpg_misuse", sourceRef: "消防法 第二十七条", text: "电器产品、燃气用具的安装、使用及其线路、管路的设计、敷设、维护保养、检测，必须符合消防技术标准和管理规定" },
  { id: "hot_work_approved", name: { zh: "动火作业事先办理审批并落实消防安全措施", en: "Hot work approved beforehand, with precautions" }, hazardCode: "illegal_hot_work", sourceRef: "消防法 第二十一条", text: "因施工等特殊情况需要使用明火作业的，应当按照规定事先办理审批手续，采取相应的消防安全措施" },
  { id: "welders_certified", name: { zh: "电焊、气焊等作业人员持证上岗", en: "Welders certified" }, hazardCode: "uncertified_operator", sourceRef: "消防法 第二十一条", text: "进行电焊、气焊等具有火灾危险作业的人员和自动消防系统的操作人员，必须持证上岗，并遵守消防安全操作规程" },
  { id: "hazardous_goods_stored", name: { zh: "易燃易爆危险品生产、储存、使用符合规定", en: "Flammable or explosive goods produced, stored and used by the rules" }, hazardCode: "hazardous_materials", sourceRef: "消防法 第二十三条", text: "生产、储存、运输、销售、使用、销毁易燃易爆危险品，必须执行消防技术标准和管理规定" },
  { id: "no_flammables_in_crowded_venue", name: { zh: "人员密集场所内未违规使用、储存、销售易燃易爆危险品（重大火灾隐患直接判定要素）", en: "No flammable goods used, stored or sold in a crowded venue (a direct major-hazard criterion)" }, hazardCode: "hazardous_materials", sourceRef: "GB 35181-2017 6.8", text: "在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品" },
  { id: "no_class_ab_underground", name: { zh: "甲、乙类生产场所和仓库未设在地下室或半地下室（重大火灾隐患直接判定要素）", en: "No class A/B production or storage in a basement (a direct major-hazard criterion)" }, hazardCode: "hazardous_materials", sourceRef: "GB 35181-2017 6.4", text: "甲、乙类生产场所和仓库设置在建筑的地下室或半地下室" },
];

/**
 * Named sets for the kinds of place the national guidance singles out; a
 * preset adopts a set whole or picks from it. Ids only: the items stay in
 * the library above.
 */
export const BASELINE_SETS = {
  /** 九小场所: small shops, eateries, hostels, workshops … */
  nine_small: ["exit_blocked", "extinguishers", "fire_electricity_use", "lpg_cylinders", "no_illegal_lodging", "three_in_one_separated", "ebike_not_in_escape_route", "no_window_bars"],
  /** 住宅小区 */
  residential: ["exit_blocked", "fire_lane_clear", "ebike_not_in_escape_route", "hydrant_unobstructed", "shared_facilities_kept", "equipment_working"],
  /** 三合一场所 */
  three_in_one: ["three_in_one_separated", "no_flammables_with_dwelling", "no_illegal_lodging", "exit_blocked", "extinguishers", "fire_electricity_use"],
  /** 出租屋、群租房 */
  rental: ["no_group_renting", "ebike_not_in_escape_route", "exit_blocked", "lpg_cylinders", "fire_electricity_use", "extinguishers"],
  /** 高层民用建筑 */
  high_rise: ["ebike_not_indoors", "high_rise_control_room_duty", "fire_door_closed", "emergency_lighting", "exit_blocked", "fire_lane_clear", "facility_yearly_test"],
  /** 人员密集场所 */
  crowded_venue: ["exit_blocked", "no_window_bars", "emergency_lighting", "fire_door_closed", "equipment_working", "no_flammables_in_crowded_venue", "patrol_records", "staff_training"],
  /** 厂房、仓库 */
  factory_warehouse: ["hazardous_goods_stored", "no_class_ab_underground", "no_illegal_lodging", "hot_work_approved", "fire_electricity_use", "exit_blocked", "equipment_working", "staff_training"],
  /** 建筑工地 */
  construction_site: ["hot_work_approved", "welders_certified", "fire_electricity_use", "extinguishers", "hazardous_goods_stored", "fire_lane_clear"],
  /** A unit's own fire-safety management (公安部令第61号): patrols, checks, training, the control room. */
  unit_management: ["patrol_records", "fire_checks", "staff_training", "control_room_certified", "equipment_working", "facility_yearly_test"],
} as const satisfies Record<string, readonly string[]>;

export type BaselineSet = keyof typeof BASELINE_SETS;
