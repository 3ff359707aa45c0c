// The files kernel's door: presigned S3 keys under the tenant's prefix (the S3 client loads with the first URL).
export * from "./storage.ts";
export { toXlsx, type Cell, type XlsxSheet } from "./xlsx.ts";
