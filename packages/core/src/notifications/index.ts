// Notifications: each user's in-app inbox with its unread count, the outbox for the senders, and `deliveryItems`, the one way a domain leaves messages (in its own transaction).
// The domain's entities join the table's one service when the domain loads.
import "./notification.entity.ts";
export { listInbox, ListInboxInput, unreadCount, markRead, NotificationSchema, InboxPageSchema, UnreadSchema, type NotificationView } from "./inbox.ts";
export { deliveryItems, deliveryCost, type Delivery, type Subject } from "./deliver.ts";
