// Notifications: each user's in-app inbox with its unread count, the outbox for the senders, and `deliveryItems`, the one way a domain leaves messages (in its own transaction);
// the delivery worker that drains the outbox to SMS / WeCom / DingTalk / webhooks by each user's channel and quiet hours, its log and dead letters; read receipts.
// The domain's entities join the table's one service when the domain loads.
import "./notification.entity.ts";
import "./delivery.entity.ts";
import "./open-notice.entity.ts";
export { listInbox, ListInboxInput, unreadCount, markRead, markSubjectRead, MarkSubjectReadInput, MarkedSchema, NotificationSchema, InboxPageSchema, UnreadSchema, type NotificationView } from "./inbox.ts";
export { deliveryItems, unreadCountItems, deliveryCost, openNoticesOf, resolveCost, type Delivery, type Subject, type NoticeDetail, type OpenNotice } from "./deliver.ts";
export { deliverPending, deliveryJob, sendIdOf, dedupeIdOf, backoffMs } from "./worker.ts";
export { deliveryConfig, loadDeliveryConfig, tenantWebhookKey, withProviderSecrets, PROVIDER_SECRET_KEYS, buildRequest, providerError, messageText, CHANNELS, type Channel, type DeliveryConfig, type Outgoing } from "./adapters.ts";
export { releaseAt, isUrgent, URGENT_KINDS, DEFAULT_QUIET_HOURS, type QuietHours } from "./quiet-hours.ts";
export { myChannel, setMyChannel, ChannelSettingInput, ChannelSettingSchema, ChannelKind, type ChannelSettingView } from "./channels.ts";
export { deliveryLog, DeliveryLogInput, DeliveryLogSchema, deadLetters, DeadLettersSchema, retryDeadLetter, SendViewSchema, SendStatus, type SendView } from "./admin.ts";
export { receiptsOf, ReceiptsSchema, type ReceiptsView } from "./receipts.ts";
