/**
 * Names for what an import creates: action names the SDK accepts (ACTION_ID: lower case, digits, `_ . -`,
 * starting with a letter) from operationIds or from method and path, and a connector id from a title.
 */

const ACTION_ID = /^[a-z][a-z0-9_.-]*$/;

/** `addPet` → `add_pet`, `repos/get-content` → `repos.get-content`, `GetCustomersCustomer` → `get_customers_customer`. */
export function actionNameFromOperationId(operationId: string): string {
  const snake = operationId
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/\//g, '.')
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/\.+/g, '.')
    .replace(/^[^a-z]+/, '')
    .replace(/[_.-]+$/, '');
  return ACTION_ID.test(snake) ? snake : `op_${snake || 'unnamed'}`.replace(/[^a-z0-9_.-]/g, '_');
}

/** `GET /pets/{petId}` → `get.pets.pet_id`. */
export function actionNameFromRoute(method: string, path: string): string {
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => actionNameFromOperationId(p.replace(/[{}]/g, '')))
    .filter((p) => p && !p.startsWith('op_'));
  return [method.toLowerCase(), ...parts].join('.');
}

/** Make `name` unique among `taken` by adding `_2`, `_3`, … */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}_${i}`;
  taken.add(candidate);
  return candidate;
}

/** A connector id for an imported API: `openapi.` and the title in lower case, e.g. `openapi.swagger-petstore`. */
export function suggestConnectorId(title: string | undefined): string {
  const slug = (title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `openapi.${slug || 'api'}`;
}

const CONNECTOR_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/** Why an id someone typed cannot name an imported connector, or null when it can. */
export function connectorIdProblem(id: string, builtin: readonly string[]): string | null {
  if (!CONNECTOR_ID.test(id)) return 'use lower-case letters, digits and dashes, in parts joined by dots, each part starting with a letter (e.g. openapi.petstore)';
  if (builtin.includes(id)) return `"${id}" is the name of a built-in connector`;
  return null;
}
