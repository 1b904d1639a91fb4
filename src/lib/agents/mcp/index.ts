/** Callable recipes as MCP tools: shared by `sous mcp` (stdio) and the local server's `/mcp` (HTTP). */
export { createSousMcpServer, type SousMcpOptions } from './server';
export { mcpTool, outputJsonSchema, isCallable, type McpSkill, type McpTool, type McpToolAnnotations } from './tools';
export { callTool, jobResult, toolError, needsConfirmation, type ToolResult, type ConfirmRequest, type ConfirmAnswer, type CallDeps } from './call';
export { confirmationMessage } from './elicit';
export { parsePolicyText, PolicySchema, type Policy } from './policy';
export { mcpSkills, narrowToPolicy } from './skills';
