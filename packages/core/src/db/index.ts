// The db kernel's front door for code outside core that must not load all of
// core: the api Lambda's entry makes its one DynamoDB client at init from here.
export { createDynamoClient, dbConfigFromEnv, sharedDb, type DbConfig } from "./client.ts";
