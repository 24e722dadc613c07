// `npm run generate`: writes lib/generated/ from schemas/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_DIR, renderGeneratedFiles } from "./render-generated";

renderGeneratedFiles().then(
  (files) => {
    mkdirSync(GENERATED_DIR, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(GENERATED_DIR, name), content);
      console.log(`wrote lib/generated/${name}`);
    }
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
