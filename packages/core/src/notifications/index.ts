// Notifications: each user's in-app inbox with its unread count, and the outbox for SMS/WeChat senders to come.
export { listInbox, ListInboxInput, unreadCount, markRead, NotificationSchema, InboxPageSchema, UnreadSchema, type NotificationView } from "./inbox.ts";
