// Open311 GeoReport v2 per county: keyed clients (city service platforms),
// the services (the profile's hazard codes), requests filed as hazards
// (source `open311`) and read back with their status from the closed loop.
import "./open311.entity.ts";
export { listOpen311Clients, issueOpen311Client, revokeOpen311Client, clientOfKey, IssueOpen311ClientInput, Open311ClientSchema, IssuedOpen311ClientSchema, type Open311ClientView } from "./clients.ts";
export { ServiceSchema, ServiceDefinitionSchema, servicesOf, attributesOf, serviceDefinition, type Service, type ServiceDefinition } from "./services.ts";
export {
  listServices,
  getServiceDefinition,
  postRequest,
  listRequests,
  getRequest,
  requestOfToken,
  PostRequestInput,
  PostedSchema,
  ListRequestsInput,
  ServiceRequestSchema,
  DUPLICATE_WINDOW_MINUTES,
  type Posted,
  type ServiceRequest,
} from "./requests.ts";
export { toXml, recordNode, type XmlNode } from "./xml.ts";
