import type { ErrorObject } from "ajv";
import * as generated from "../generated/validators";

/** An Ajv standalone validator, as generated from schemas/. */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export const validators = generated as unknown as Record<keyof typeof generated, Validator>;
