import { z } from "zod";
import { Entity } from "electrodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as jose from "jose";
import { Logger } from "@aws-lambda-powertools/logger";
export const handler = () => [z, Entity, DynamoDBClient, DynamoDBDocumentClient, OpenAPIHono, jose, Logger].length;
