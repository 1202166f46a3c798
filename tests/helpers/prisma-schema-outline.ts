// A small reader of prisma/schema.prisma: just enough to list the tables, columns, indexes and
// foreign keys Prisma would create, so a test can compare them with a migrated database.
// It knows the conventions this schema uses (no @map/@@map), and fails loudly on what it cannot read.
import fs from "node:fs";

export interface SchemaOutline {
  tables: Map<string, { columns: string[]; indexes: string[]; foreignKeys: string[] }>;
  enums: string[];
}

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

export function readSchemaOutline(file: string): SchemaOutline {
  const text = fs.readFileSync(file, "utf8");
  if (/@map\(|@@map\(/.test(text)) throw new Error("schema uses @map: extend readSchemaOutline first");
  const enums = [...text.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((m) => m[1]);
  const modelBlocks = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(modelBlocks.map((m) => m[1]));
  const tables: SchemaOutline["tables"] = new Map();

  for (const [, model, body] of modelBlocks) {
    const columns: string[] = [];
    const indexes: string[] = /@id\b|@@id\(/.test(body) ? [`${model}_pkey`] : [];
    const foreignKeys: string[] = [];
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      const block = /^@@(index|unique|id)\(\[([^\]]*)\]/.exec(line);
      if (block) {
        const fields = block[2].split(",").map((f) => f.trim().replace(/\(.*$/, ""));
        if (block[1] === "index") indexes.push(`${model}_${fields.join("_")}_idx`);
        if (block[1] === "unique") indexes.push(`${model}_${fields.join("_")}_key`);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!field) continue;
      const [, name, type, , , attributes] = field;
      if (modelNames.has(type)) {
        const relation = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(attributes);
        if (relation) foreignKeys.push(`${model}_${relation[1].split(",").map((f) => f.trim()).join("_")}_fkey`);
        continue;
      }
      if (!SCALARS.has(type) && !enums.includes(type)) throw new Error(`unknown type ${type} in ${model}.${name}`);
      columns.push(name);
      if (/@unique\b/.test(attributes)) indexes.push(`${model}_${name}_key`);
    }
    tables.set(model, { columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() });
  }
  return { tables, enums: enums.sort() };
}
