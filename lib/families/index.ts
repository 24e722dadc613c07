import type { FamilyName } from "../types";
import { bankconnect } from "./bankconnect";
import type { Family } from "./family";
import { ibanfirst } from "./ibanfirst";

export const FAMILIES: { [N in FamilyName]: Family<N> } = { bankconnect, ibanfirst };
export const FAMILY_NAMES = Object.keys(FAMILIES) as FamilyName[];
export type { Family };
