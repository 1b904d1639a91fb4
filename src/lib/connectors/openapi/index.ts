/** OpenAPI import: a pasted or uploaded OpenAPI 3.0/3.1 document becomes a connector. */
export { parseOpenApi, OpenApiError, type OpenApiDocument } from './document';
export { buildOpenApiConnector, previewOpenApi, summarize, type OpenApiImport, type OpenApiSummary } from './connector';
export { connectorIdProblem, suggestConnectorId } from './names';
