import http from "node:http";
import express from "express";
import type { FamilyName, Webhooks } from "bankhooks";

// express@4, installed as the npm alias "express4".
const express4: typeof express = require("express4");

export type BodyParser = "none" | "json-before" | "raw-before" | "text-before" | "json-after";

/** One way a user mounts bankhooks, and what a test needs to know about it. */
export interface MountingVariant {
  name: string;
  /** Express major version, or undefined for plain node:http. */
  express: 4 | 5 | undefined;
  parser: BodyParser;
  /** "prefix": both families under one mount path; "family": one family per mount (middleware({ family })). */
  layout: "prefix" | "family";
  /**
   * bankhooks reads the request stream itself (no body parser runs before it): only then can it
   * enforce bodyLimit (413) and bodyTimeoutMs (408). A parser mounted before reads the whole body first,
   * with its own limit (100kb) and no timeout.
   */
  readsBody: boolean;
  /** Builds the app or listener around this Webhooks instance. */
  mount(webhooks: Webhooks): Mounted;
}

export interface Mounted {
  listener: http.RequestListener;
  /** Where each family is served. */
  paths: Record<FamilyName, string>;
  /** A path under the mount that is not a bankhooks endpoint. */
  foreignPath: string;
  /**
   * What the foreign path gets: "next" = bankhooks called next() and a later route answered
   * (201 {"later":true}); "not_found" = plain node:http, bankhooks answers 404 JSON itself.
   */
  foreign: "next" | "not_found";
}

const PREFIX_PATHS: Record<FamilyName, string> = { bankconnect: "/webhooks/bankconnect", ibanfirst: "/webhooks/ibanfirst" };

/** A later route: proves next() was called, and that the stream was left for parsers after bankhooks. */
function laterRoutes(app: express.Express, path: string): void {
  app.post(path, (req, res) => {
    res.status(201).json({ later: true, body: req.body ?? null });
  });
  app.get(path, (_req, res) => {
    res.status(201).json({ later: true });
  });
  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ fellThrough: true });
  });
}

function expressPrefixVariant(version: 4 | 5, parser: BodyParser): MountingVariant {
  const lib = version === 5 ? express : express4;
  return {
    name: `Express ${version}, ${parser === "none" ? "no body parser" : parser.replace("-", " ")}`,
    express: version,
    parser,
    layout: "prefix",
    readsBody: parser === "none" || parser === "json-after",
    mount(webhooks) {
      const app = lib();
      if (parser === "json-before") app.use(lib.json());
      if (parser === "raw-before") app.use(lib.raw({ type: "*/*" }));
      if (parser === "text-before") app.use(lib.text({ type: "*/*" }));
      app.use("/webhooks", webhooks.middleware());
      if (parser === "json-after") app.use(lib.json());
      laterRoutes(app, "/webhooks/other");
      return { listener: app, paths: PREFIX_PATHS, foreignPath: "/webhooks/other", foreign: "next" };
    },
  };
}

function expressFamilyVariant(version: 4 | 5): MountingVariant {
  const lib = version === 5 ? express : express4;
  return {
    name: `Express ${version}, one family at the mount path (app.use("/ibf"), app.all("/bc"))`,
    express: version,
    parser: "none",
    layout: "family",
    readsBody: true,
    mount(webhooks) {
      const app = lib();
      app.use("/ibf", webhooks.middleware({ family: "ibanfirst" }));
      app.all("/bc", webhooks.middleware({ family: "bankconnect" }));
      laterRoutes(app, "/ibf/other");
      return { listener: app, paths: { bankconnect: "/bc", ibanfirst: "/ibf" }, foreignPath: "/ibf/other", foreign: "next" };
    },
  };
}

const nodeHttpVariant: MountingVariant = {
  name: 'plain node:http, middleware({ path: "/webhooks" })',
  express: undefined,
  parser: "none",
  layout: "prefix",
  readsBody: true,
  mount(webhooks) {
    return {
      listener: webhooks.middleware({ path: "/webhooks" }),
      paths: PREFIX_PATHS,
      foreignPath: "/webhooks/other",
      foreign: "not_found",
    };
  },
};

const PARSERS: BodyParser[] = ["none", "json-before", "raw-before", "text-before", "json-after"];

export const MOUNTING_VARIANTS: MountingVariant[] = [
  ...PARSERS.map((parser) => expressPrefixVariant(5, parser)),
  ...PARSERS.map((parser) => expressPrefixVariant(4, parser)),
  nodeHttpVariant,
  expressFamilyVariant(5),
  expressFamilyVariant(4),
];

export { express, express4 };
