/**
 * UI strings, zh-CN. Open311 接入 (city service platforms' keys).
 */
export default {
  open311: {
    title: "Open311 接入",
    intro: "为城市服务平台（如 12345 热线、一网统管）签发接入密钥：平台按 Open311 GeoReport v2 报送的诉求成为本单位的隐患（来源“城市服务平台”），待工作人员立案或撤销；平台可凭密钥查询办理状态（仅显示对公众的说明，不显示内部意见和人员姓名）。",
    endpoint: "接口地址：",
    countyCode: "单位代码",
    issue: "签发新密钥",
    name: "接入方名称",
    nameHint: "例如：区 12345 市民服务热线",
    issueButton: "签发",
    shownOnce: "“{{name}}”的密钥只显示这一次，请立即复制并妥善交给对方；系统只保存其摘要，无法再次查看。",
    copy: "复制密钥",
    copied: "已复制",
    done: "已保存，关闭",
    clients: "已签发的接入方",
    none: "尚未签发任何密钥。",
    keyPrefix: "密钥开头",
    createdAt: "签发时间",
    status: "状态",
    actions: "操作",
    active: "有效",
    revokedAt: "已于 {{when}} 吊销",
    revoke: "吊销",
    confirmRevoke: "吊销“{{name}}”的密钥后，对方将立即无法报送和查询。确定吊销？",
  },
};
