// Notifications: each user's in-app inbox with its unread count, and the outbox for SMS/WeChat senders to come.
// The domain's entities join the table's one service when the domain loads.
import "./notification.entity.ts";
export { listInbox, ListInboxInput, unreadCount, markRead, NotificationSchema, InboxPageSchema, UnreadSchema, type NotificationView } from "./inbox.ts";
