// stryker.config.json as an object for the variant configs (stryker.codec.config.mjs,
// stryker.conformance.config.mjs) to spread and override: its keys for people ($schema,
// _comment) are left out, since Stryker warns about keys it does not know.
import { readFileSync } from "node:fs";

const { $schema, _comment, ...base } = JSON.parse(readFileSync(new URL("../stryker.config.json", import.meta.url), "utf8"));

export default base;
