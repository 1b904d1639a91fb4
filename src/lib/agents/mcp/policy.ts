/**
 * MCP reads a policy (`sous.policy/v1`) for its `mcp` list of recipe ids that may be offered to outside
 * assistants; the file's schema and the rest of its rules live in src/lib/policy/.
 */
export { parsePolicyText, POLICY_FORMAT, PolicySchema, type Policy } from '../../policy';
