var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to2, from2, except, desc) => {
  if (from2 && typeof from2 === "object" || typeof from2 === "function") {
    for (let key of __getOwnPropNames(from2))
      if (!__hasOwnProp.call(to2, key) && key !== except)
        __defProp(to2, key, { get: () => from2[key], enumerable: !(desc = __getOwnPropDesc(from2, key)) || desc.enumerable });
  }
  return to2;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value2) => {
      for (const [token, max] of safeRegexReplacements) {
        value2 = value2.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value2;
    };
    var createToken = (name, value2, isGlobal) => {
      const safe = makeSafeRegex(value2);
      const index = R++;
      debug(name, index, value2);
      t[name] = index;
      src[index] = value2;
      safeSrc[index] = safe;
      re[index] = new RegExp(value2, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options2) => {
      if (!options2) {
        return emptyOpts;
      }
      if (typeof options2 !== "object") {
        return looseOption;
      }
      return options2;
    };
    module.exports = parseOptions;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var SemVer = class _SemVer {
      constructor(version, options2) {
        options2 = parseOptions(options2);
        if (version instanceof _SemVer) {
          if (version.loose === !!options2.loose && version.includePrerelease === !!options2.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options2);
        this.options = options2;
        this.loose = !!options2.loose;
        this.includePrerelease = !!options2.includePrerelease;
        const m = version.trim().match(options2.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id2) => {
            if (/^[0-9]+$/.test(id2)) {
              const num = +id2;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id2;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (compareIdentifiers(this.prerelease[0], identifier) === 0) {
                if (isNaN(this.prerelease[1])) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options2, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options2);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options2) => {
      const v = parse(version, options2);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options2) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options2);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options2, identifier, identifierBase) => {
      if (typeof options2 === "string") {
        identifierBase = identifier;
        identifier = options2;
        options2 = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options2
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options2) => {
      const parsed = parse(version, options2);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare3 = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare3;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var rcompare = (a, b, loose) => compare3(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var compareLoose = (a, b) => compare3(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var gt = (a, b, loose) => compare3(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var lt = (a, b, loose) => compare3(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var eq = (a, b, loose) => compare3(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var neq = (a, b, loose) => compare3(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var gte = (a, b, loose) => compare3(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare3 = require_compare();
    var lte = (a, b, loose) => compare3(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options2) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options2 = options2 || {};
      let match = null;
      if (!options2.rtl) {
        match = version.match(options2.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options2.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options2.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options2.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options2);
    };
    module.exports = coerce;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value2 = this.map.get(key);
        if (value2 === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value2);
          return value2;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value2) {
        const deleted = this.delete(key);
        if (!deleted && value2 !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value2);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range2, options2) {
        options2 = parseOptions(options2);
        if (range2 instanceof _Range) {
          if (range2.loose === !!options2.loose && range2.includePrerelease === !!options2.includePrerelease) {
            return range2;
          } else {
            return new _Range(range2.raw, options2);
          }
        }
        if (range2 instanceof Comparator) {
          this.raw = range2.value;
          this.set = [[range2]];
          this.formatted = void 0;
          return this;
        }
        this.options = options2;
        this.loose = !!options2.loose;
        this.includePrerelease = !!options2.includePrerelease;
        this.raw = range2.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range2) {
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range2;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range2 = range2.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range2);
        range2 = range2.replace(re[t.COMPARATORTRIM], comparatorTrimReplace);
        debug("comparator trim", range2);
        range2 = range2.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range2);
        range2 = range2.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range2);
        let rangeList = range2.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range2, options2) {
        if (!(range2 instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options2) && range2.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options2) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options2);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var {
      safeRe: re,
      t,
      comparatorTrimReplace,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options2) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options2);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options2) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options2);
      comp = replaceCarets(comp, options2);
      debug("caret", comp);
      comp = replaceTildes(comp, options2);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options2);
      debug("xrange", comp);
      comp = replaceStars(comp, options2);
      debug("stars", comp);
      return comp;
    };
    var isX = (id2) => !id2 || id2.toLowerCase() === "x" || id2 === "*";
    var replaceTildes = (comp, options2) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options2)).join(" ");
    };
    var replaceTilde = (comp, options2) => {
      const r = options2.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0 <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0 <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options2) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options2)).join(" ");
    };
    var replaceCaret = (comp, options2) => {
      debug("caret", comp, options2);
      const r = options2.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options2.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}${z} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}${z} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options2) => {
      debug("replaceXRanges", comp, options2);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options2)).join(" ");
    };
    var replaceXRange = (comp, options2) => {
      comp = comp.trim();
      const r = options2.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options2.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options2) => {
      debug("replaceStars", comp, options2);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options2) => {
      debug("replaceGTE0", comp, options2);
      return comp.trim().replace(re[options2.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from2, fM, fm, fp, fpr, fb, to2, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from2 = "";
      } else if (isX(fm)) {
        from2 = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from2 = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from2 = `>=${from2}`;
      } else {
        from2 = `>=${from2}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to2 = "";
      } else if (isX(tm)) {
        to2 = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to2 = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to2 = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to2 = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to2 = `<=${to2}`;
      }
      return `${from2} ${to2}`.trim();
    };
    var testSet = (set, version, options2) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options2.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options2) {
        options2 = parseOptions(options2);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options2.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options2);
        this.options = options2;
        this.loose = !!options2.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options2) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options2).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options2).test(comp.semver);
        }
        options2 = parseOptions(options2);
        if (options2.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options2.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options2) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options2) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range2, options2) => {
      try {
        range2 = new Range(range2, options2);
      } catch (er) {
        return false;
      }
      return range2.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range2, options2) => new Range(range2, options2).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range2, options2) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range2, options2);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options2);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range2, options2) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range2, options2);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options2);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range2, loose) => {
      range2 = new Range(range2, loose);
      let minver = new SemVer("0.0.0");
      if (range2.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range2.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range2.set.length; ++i) {
        const comparators = range2.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range2.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range2, options2) => {
      try {
        return new Range(range2, options2).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range2, hilo, options2) => {
      version = new SemVer(version, options2);
      range2 = new Range(range2, options2);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range2, options2)) {
        return false;
      }
      for (let i = 0; i < range2.set.length; ++i) {
        const comparators = range2.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options2)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options2)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range2, options2) => outside(version, range2, ">", options2);
    module.exports = gtr;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range2, options2) => outside(version, range2, "<", options2);
    module.exports = ltr;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options2) => {
      r1 = new Range(r1, options2);
      r2 = new Range(r2, options2);
      return r1.intersects(r2, options2);
    };
    module.exports = intersects;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare3 = require_compare();
    module.exports = (versions, range2, options2) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare3(a, b, options2));
      for (const version of v) {
        const included = satisfies(version, range2, options2);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range2.raw === "string" ? range2.raw : String(range2);
      return simplified.length < original.length ? simplified : range2;
    };
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare3 = require_compare();
    var subset = (sub, dom, options2 = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options2);
      dom = new Range(dom, options2);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options2);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options2) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options2.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options2.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options2);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options2);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare3(gt.semver, lt.semver, options2);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options2)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options2)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options2)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options2.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options2.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options2);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !satisfies(gt.semver, String(c), options2)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options2);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !satisfies(lt.semver, String(c), options2)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options2) => {
      if (!a) {
        return b;
      }
      const comp = compare3(a.semver, b.semver, options2);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options2) => {
      if (!a) {
        return b;
      }
      const comp = compare3(a.semver, b.semver, options2);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/.pnpm/semver@7.7.3/node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/.pnpm/semver@7.7.3/node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare3 = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare: compare3,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// packages/core/src/assessment/Assessment.ts
var Assessment_exports = {};
__export(Assessment_exports, {
  Assessment: () => Assessment,
  IndicatorScore: () => IndicatorScore,
  Period: () => Period,
  RawInputs: () => RawInputs,
  RawValue: () => RawValue,
  ScoreSheet: () => ScoreSheet,
  assess: () => assess,
  explain: () => explain,
  location: () => location2,
  rankAll: () => rankAll,
  score: () => score
});
import { Schema as Schema7 } from "effect";

// packages/core/src/kernel/Finding.ts
import { Schema } from "effect";
var Severity = Schema.Literal("error", "warning", "info");
var Path = Schema.Array(Schema.Union(Schema.String, Schema.Number));
var Finding = class extends Schema.Class("@zhili/Finding")({
  code: Schema.String,
  severity: Severity,
  path: Path,
  message: Schema.String
}) {
  /** The finding as one line: `error grid/uncovered-building at buildings.b7: …`. */
  toString() {
    const where = this.path.length === 0 ? "" : ` at ${formatPath(this.path)}`;
    return `${this.severity} ${this.code}${where}: ${this.message}`;
  }
};
var make = (code, severity, path, message) => new Finding({ code, severity, path, message });
var error = (code, path, message) => make(code, "error", path, message);
var warning = (code, path, message) => make(code, "warning", path, message);
var formatPath = (path) => path.reduce((acc, part) => {
  if (typeof part === "number") return `${acc}[${part}]`;
  const name = String(part);
  return acc === "" ? name : `${acc}.${name}`;
}, "");

// packages/core/src/kernel/Ids.ts
import { Schema as Schema2 } from "effect";
var IdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
var id = (brand, title) => Schema2.String.pipe(
  Schema2.pattern(IdPattern, {
    message: () => `${title} must be 1\u201364 letters, digits, "_", ".", ":" or "-", starting with a letter or digit`
  }),
  Schema2.brand(brand),
  Schema2.annotations({ identifier: brand.replace("@zhili/", ""), title })
);
var TenantId = Schema2.String.pipe(
  Schema2.pattern(/^(\d{6}|\d{9}|\d{12})$/, {
    message: () => "a tenant is a division code of 6, 9 or 12 digits (county, township or community)"
  }),
  Schema2.brand("@zhili/TenantId"),
  Schema2.annotations({ identifier: "TenantId", title: "tenant division code" })
);
var OrgUnitId = id("@zhili/OrgUnitId", "org unit id");
var PersonId = id("@zhili/PersonId", "person id");
var PostId = id("@zhili/PostId", "post id");
var MembershipId = id("@zhili/MembershipId", "membership id");
var PartnershipId = id("@zhili/PartnershipId", "partnership id");
var OrgGroupId = id("@zhili/OrgGroupId", "org group id");
var GridId = id("@zhili/GridId", "grid id");
var GridWorkerId = id("@zhili/GridWorkerId", "grid worker id");
var BuildingId = id("@zhili/BuildingId", "building id");
var HouseholdId = id("@zhili/HouseholdId", "household id");
var ResidentId = id("@zhili/ResidentId", "resident id");
var VisitId = id("@zhili/VisitId", "visit id");
var CaseId = id("@zhili/CaseId", "case id");
var CategoryCode = id("@zhili/CategoryCode", "category code");
var MediationId = id("@zhili/MediationId", "mediation id");
var DeliberationId = id("@zhili/DeliberationId", "deliberation id");
var ServiceId = id("@zhili/ServiceId", "service id");
var ActivityId = id("@zhili/ActivityId", "activity id");
var VolunteerTeamId = id("@zhili/VolunteerTeamId", "volunteer team id");
var SpaceId = id("@zhili/SpaceId", "space id");
var FacilityStandardId = id("@zhili/FacilityStandardId", "facility standard id");
var OperatorId = id("@zhili/OperatorId", "operator id");
var AgreementId = id("@zhili/AgreementId", "operating agreement id");
var FundId = id("@zhili/FundId", "fund id");
var LedgerEntryId = id("@zhili/LedgerEntryId", "ledger entry id");
var ProjectId = id("@zhili/ProjectId", "project id");
var NeedsSurveyId = id("@zhili/NeedsSurveyId", "needs survey id");
var NeedItemId = id("@zhili/NeedItemId", "need item id");
var IndicatorSystemId = id("@zhili/IndicatorSystemId", "indicator system id");
var IndicatorId = id("@zhili/IndicatorId", "indicator id");
var AssessmentId = id("@zhili/AssessmentId", "assessment id");
var RatingSchemeId = id("@zhili/RatingSchemeId", "rating scheme id");
var BulletinEntryId = id("@zhili/BulletinEntryId", "bulletin entry id");
var InspectionId = id("@zhili/InspectionId", "inspection id");
var RectificationId = id("@zhili/RectificationId", "rectification id");
var OrgLifeRecordId = id("@zhili/OrgLifeRecordId", "organisational-life record id");
var TaskListId = id("@zhili/TaskListId", "task list id");
var TaskId = id("@zhili/TaskId", "task id");
var ResponsibilityListId = id("@zhili/ResponsibilityListId", "responsibility list id");
var BrandId = id("@zhili/BrandId", "brand id");
var SuggestionId = id("@zhili/SuggestionId", "suggestion id");

// packages/core/src/kernel/LocalDate.ts
var LocalDate_exports = {};
__export(LocalDate_exports, {
  LocalDate: () => LocalDate,
  addDays: () => addDays,
  ageInYears: () => ageInYears,
  compare: () => compare,
  dateOfAge: () => dateOfAge,
  dayOfWeek: () => dayOfWeek,
  daysBetween: () => daysBetween,
  daysInMonth: () => daysInMonth,
  endOfMonth: () => endOfMonth,
  exactAge: () => exactAge,
  fromDateTime: () => fromDateTime,
  fromEpochDay: () => fromEpochDay,
  isBetween: () => isBetween,
  isRealDate: () => isRealDate,
  make: () => make2,
  range: () => range,
  startOfMonth: () => startOfMonth,
  toEpochDay: () => toEpochDay,
  toParts: () => toParts
});
import { DateTime, Schema as Schema3 } from "effect";
var isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
var isRealDate = (year2, month2, day) => Number.isInteger(year2) && Number.isInteger(month2) && Number.isInteger(day) && year2 >= 1 && year2 <= 9999 && month2 >= 1 && month2 <= 12 && day >= 1 && day <= daysInMonth(year2, month2);
var LocalDate = Schema3.String.pipe(
  Schema3.filter(
    (s) => {
      const m = isoDate.exec(s);
      return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) || `"${s}" is not a real date in the form YYYY-MM-DD`;
    },
    { identifier: "LocalDateString" }
  ),
  Schema3.brand("@zhili/LocalDate"),
  Schema3.annotations({ identifier: "LocalDate", title: "calendar date (YYYY-MM-DD)" })
);
var daysInMonth = (year2, month2) => new Date(Date.UTC(year2, month2, 0)).getUTCDate();
var pad = (n, w) => String(n).padStart(w, "0");
var make2 = (year2, month2, day) => {
  if (!isRealDate(year2, month2, day)) throw new RangeError(`${year2}-${month2}-${day} is not a real date`);
  return `${pad(year2, 4)}-${pad(month2, 2)}-${pad(day, 2)}`;
};
var toParts = (date2) => ({
  year: Number(date2.slice(0, 4)),
  month: Number(date2.slice(5, 7)),
  day: Number(date2.slice(8, 10))
});
var toEpochDay = (date2) => {
  const { day, month: month2, year: year2 } = toParts(date2);
  const ms = (/* @__PURE__ */ new Date(0)).setUTCFullYear(year2, month2 - 1, day);
  return Math.round(ms / 864e5);
};
var fromEpochDay = (epochDay) => {
  const d = new Date(epochDay * 864e5);
  return make2(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
var addDays = (date2, days) => fromEpochDay(toEpochDay(date2) + days);
var daysBetween = (from2, to2) => toEpochDay(to2) - toEpochDay(from2);
var dayOfWeek = (date2) => {
  const dow = ((toEpochDay(date2) + 3) % 7 + 7) % 7;
  return dow + 1;
};
var compare = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var isBetween = (date2, from2, to2) => date2 >= from2 && date2 <= to2;
var ageInYears = (birthDate, on) => {
  const b = toParts(birthDate);
  const d = toParts(on);
  const hadBirthday = d.month > b.month || d.month === b.month && d.day >= b.day;
  return d.year - b.year - (hadBirthday ? 0 : 1);
};
var exactAge = (birthDate, on) => {
  const years = ageInYears(birthDate, on);
  const b = toParts(birthDate);
  const last = anniversary(b.year + years, b.month, b.day);
  const next = anniversary(b.year + years + 1, b.month, b.day);
  return years + daysBetween(last, on) / daysBetween(last, next);
};
var anniversary = (year2, month2, day) => isRealDate(year2, month2, day) ? make2(year2, month2, day) : make2(year2, 3, 1);
var dateOfAge = (birthDate, years) => {
  const b = toParts(birthDate);
  return anniversary(b.year + years, b.month, b.day);
};
var fromDateTime = (instant, timeZone = "Asia/Shanghai") => {
  const parts = DateTime.toParts(DateTime.unsafeMakeZoned(instant, { timeZone }));
  return make2(parts.year, parts.month, parts.day);
};
var startOfMonth = (date2) => {
  const { month: month2, year: year2 } = toParts(date2);
  return make2(year2, month2, 1);
};
var endOfMonth = (date2) => {
  const { month: month2, year: year2 } = toParts(date2);
  return make2(year2, month2, daysInMonth(year2, month2));
};
var range = (from2, to2) => {
  const out = [];
  for (let d = toEpochDay(from2), end = toEpochDay(to2); d <= end; d++) out.push(fromEpochDay(d));
  return out;
};

// packages/core/src/assessment/IndicatorSystem.ts
var IndicatorSystem_exports = {};
__export(IndicatorSystem_exports, {
  Band: () => Band,
  CountTarget: () => CountTarget,
  DataSource: () => DataSource,
  DataSourceKey: () => DataSourceKey,
  Deduction: () => Deduction,
  Fraction: () => Fraction,
  Group: () => Group,
  Indicator: () => Indicator,
  IndicatorSystem: () => IndicatorSystem,
  Leaf: () => Leaf,
  Ratio: () => Ratio,
  Scale: () => Scale,
  ScoringMethod: () => ScoringMethod,
  WeightsDoNotSumToOne: () => WeightsDoNotSumToOne,
  YesNo: () => YesNo,
  defaultTolerance: () => defaultTolerance,
  leaves: () => leaves,
  linearScale: () => linearScale,
  location: () => location,
  make: () => make3
});
import { Either as Either2, Schema as Schema6 } from "effect";

// packages/core/src/kernel/Decode.ts
import { Effect, Either, Option, Schema as Schema5, SchemaAST } from "effect";
import { ArrayFormatter } from "effect/ParseResult";

// packages/core/src/kernel/Errors.ts
import { Schema as Schema4 } from "effect";
var DecodeIssue = class extends Schema4.Class("@zhili/DecodeIssue")({
  path: Path,
  message: Schema4.String
}) {
};
var DecodeError = class extends Schema4.TaggedError()("DecodeError", {
  subject: Schema4.String,
  issues: Schema4.Array(DecodeIssue)
}) {
  get message() {
    const listed = this.issues.slice(0, 5).map((i) => i.path.length === 0 ? i.message : `${formatPath(i.path)}: ${i.message}`).join("; ");
    const more = this.issues.length > 5 ? ` (and ${this.issues.length - 5} more)` : "";
    return `invalid ${this.subject}: ${listed}${more}`;
  }
};
var VersionConflict = class extends Schema4.TaggedError()("VersionConflict", {
  entity: Schema4.String,
  id: Schema4.String,
  expected: Schema4.Number,
  actual: Schema4.Number
}) {
  get message() {
    return `${this.entity} ${this.id}: expected version ${this.expected} but the stored version is ${this.actual}; reload and retry`;
  }
};
var NotFoundOrNotPermitted = class extends Schema4.TaggedError()("NotFoundOrNotPermitted", {
  entity: Schema4.String,
  id: Schema4.String
}) {
  get message() {
    return `${this.entity} ${this.id}: not found or not permitted`;
  }
};
var InvalidInput = class extends Schema4.TaggedError()("InvalidInput", {
  code: Schema4.String,
  path: Path,
  reason: Schema4.String
}) {
  get message() {
    return this.path.length === 0 ? `${this.code}: ${this.reason}` : `${this.code} at ${formatPath(this.path)}: ${this.reason}`;
  }
};

// packages/core/src/kernel/Decode.ts
var issuesOf = (error2) => ArrayFormatter.formatErrorSync(error2).map(
  (issue) => new DecodeIssue({
    path: issue.path.map((p) => typeof p === "number" ? p : String(p)),
    message: issue.message
  })
);
var toDecodeError = (subject, error2) => new DecodeError({ subject, issues: issuesOf(error2) });
var toFindings = (error2, code = "decode/invalid") => issuesOf(error2).map((i) => new Finding({ code, severity: "error", path: i.path, message: i.message }));
var decodeEither = (schema, subject) => (input) => Schema5.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })(input).pipe(
  Either.mapLeft((e) => toDecodeError(subject ?? schemaName(schema), e))
);
var validate = (schema) => (input) => Schema5.decodeUnknownEither(schema, { errors: "all" })(input).pipe(Either.mapLeft((e) => toFindings(e)));
var schemaName = (schema) => {
  const ast = SchemaAST.isTransformation(schema.ast) ? schema.ast.to : schema.ast;
  return SchemaAST.getIdentifierAnnotation(ast).pipe(
    Option.orElse(() => SchemaAST.getTitleAnnotation(ast)),
    Option.getOrElse(() => "input")
  );
};

// packages/core/src/assessment/internal/location.ts
var locate = (tenant, unit, orgPath) => ({
  division: tenant,
  org: orgPath === void 0 ? [unit] : orgPath(unit)
});
var round2 = (n) => {
  const clean = Math.round(n * 1e9) / 1e9;
  return Math.sign(clean) * Math.round(Math.abs(clean) * 100) / 100;
};
var pts = (n) => n.toFixed(2);

// packages/core/src/assessment/IndicatorSystem.ts
var defaultTolerance = 1e-6;
var DataSourceKey = Schema6.String.pipe(
  Schema6.pattern(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, {
    message: () => 'a data-source key is lower-case words in dotted segments, e.g. "case.on-time-rate"'
  }),
  Schema6.brand("@zhili/DataSourceKey"),
  Schema6.annotations({ identifier: "DataSourceKey", title: "data-source key" })
);
var Fraction = Schema6.Number.pipe(
  Schema6.between(0, 1, { message: () => "a fraction lies between 0 and 1" }),
  Schema6.annotations({ identifier: "Fraction" })
);
var Band = Schema6.Struct({ atLeast: Schema6.Number.pipe(Schema6.finite()), fraction: Fraction });
var YesNo = Schema6.TaggedStruct("YesNo", {});
var Scale = Schema6.TaggedStruct("Scale", {
  levels: Schema6.NonEmptyArray(Schema6.Struct({ level: Schema6.Int, fraction: Fraction }))
});
var Ratio = Schema6.TaggedStruct("Ratio", { bands: Schema6.NonEmptyArray(Band) });
var CountTarget = Schema6.TaggedStruct("CountTarget", {
  target: Schema6.Number.pipe(Schema6.positive(), Schema6.finite())
});
var Deduction = Schema6.TaggedStruct("Deduction", {
  perOccurrence: Schema6.Number.pipe(Schema6.positive(), Schema6.finite()),
  floor: Schema6.Number.pipe(Schema6.nonNegative(), Schema6.finite())
});
var DataSource = Schema6.TaggedStruct("DataSource", {
  source: DataSourceKey,
  bands: Schema6.optional(Schema6.NonEmptyArray(Band))
});
var ScoringMethod = Schema6.Union(YesNo, Scale, Ratio, CountTarget, Deduction, DataSource);
var Weight = Schema6.Number.pipe(
  Schema6.greaterThan(0, { message: () => "a weight is greater than 0" }),
  Schema6.lessThanOrEqualTo(1, { message: () => "a weight is at most 1" })
);
var Name = Schema6.NonEmptyTrimmedString;
var Leaf = Schema6.TaggedStruct("Leaf", { id: IndicatorId, name: Name, weight: Weight, method: ScoringMethod });
var Group = Schema6.TaggedStruct("Group", {
  id: IndicatorId,
  name: Name,
  weight: Weight,
  children: Schema6.Array(Schema6.suspend(() => Indicator)).pipe(
    Schema6.minItems(1, { message: () => "a group has at least one child indicator" })
  )
});
var Indicator = Schema6.Union(Leaf, Group);
var Fields = Schema6.Struct({
  id: IndicatorSystemId,
  tenant: TenantId,
  name: Name,
  fullMarks: Schema6.Number.pipe(Schema6.positive(), Schema6.finite()),
  indicators: Schema6.Array(Indicator).pipe(
    Schema6.minItems(1, { message: () => "an indicator system has at least one indicator" })
  )
});
var WeightsDoNotSumToOne = class extends Schema6.TaggedError()("WeightsDoNotSumToOne", {
  system: Schema6.String,
  parent: Schema6.String,
  sum: Schema6.Number,
  path: Schema6.Array(Schema6.Union(Schema6.String, Schema6.Number))
}) {
  get message() {
    const under = this.parent === "" ? "the top-level indicators" : `the children of ${this.parent}`;
    return `indicator system ${this.system}: the weights of ${under} sum to ${round6(this.sum)}, not 1`;
  }
};
var round6 = (n) => Math.round(n * 1e6) / 1e6;
var problemsOf = (s, tolerance) => {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const walk = (siblings, parent, path, max) => {
    const sum = siblings.reduce((acc, i) => acc + i.weight, 0);
    if (Math.abs(sum - 1) > tolerance) {
      const under = parent === "" ? "the top-level indicators" : `the children of ${parent}`;
      out.push({
        path,
        code: "assessment/weights-do-not-sum-to-one",
        message: `the weights of ${under} sum to ${round6(sum)}, not 1`,
        parent,
        sum
      });
    }
    siblings.forEach((ind, index) => {
      const here = [...path, index];
      if (seen.has(ind.id)) {
        out.push({
          path: [...here, "id"],
          code: "assessment/duplicate-indicator",
          message: `indicator id ${ind.id} is used twice`
        });
      }
      seen.add(ind.id);
      const own = max * ind.weight;
      if (ind._tag === "Group") {
        walk(ind.children, ind.id, [...here, "children"], own);
        return;
      }
      const m = ind.method;
      if (m._tag === "Deduction" && m.floor > own + 1e-9) {
        out.push({
          path: [...here, "method", "floor"],
          code: "assessment/floor-above-maximum",
          message: `the floor of ${ind.id} (${m.floor}) is above its maximum of ${round2(own)} points`
        });
      }
      if (m._tag === "Scale") {
        const levels2 = m.levels.map((l) => l.level);
        if (new Set(levels2).size !== levels2.length) {
          out.push({
            path: [...here, "method", "levels"],
            code: "assessment/duplicate-scale-level",
            message: `the scale of ${ind.id} lists a level twice`
          });
        }
      }
    });
  };
  walk(s.indicators, "", ["indicators"], s.fullMarks);
  return out;
};
var IndicatorSystem = class extends Schema6.Class("@zhili/IndicatorSystem")(
  Fields.pipe(
    Schema6.filter((s) => problemsOf(s, defaultTolerance).map((p) => ({ path: p.path, message: p.message })), {
      identifier: "IndicatorSystem"
    })
  )
) {
};
var make3 = (input, tolerance = defaultTolerance) => {
  const raw = Schema6.decodeUnknownEither(Fields, { errors: "all", onExcessProperty: "ignore" })(input);
  if (Either2.isLeft(raw))
    return Either2.left(new DecodeError({ subject: "IndicatorSystem", issues: issuesOf(raw.left) }));
  const problems = problemsOf(raw.right, tolerance);
  const first = problems[0];
  if (first === void 0) return Either2.right(new IndicatorSystem(raw.right, { disableValidation: true }));
  if (first.sum !== void 0) {
    return Either2.left(
      new WeightsDoNotSumToOne({ system: raw.right.id, parent: first.parent ?? "", sum: first.sum, path: first.path })
    );
  }
  return Either2.left(new InvalidInput({ code: first.code, path: first.path, reason: first.message }));
};
var leaves = (system2) => {
  const out = [];
  const walk = (xs, path, names, max) => {
    for (const i of xs) {
      const own = max * i.weight;
      if (i._tag === "Leaf") out.push({ leaf: i, path: [...path, i.id], names: [...names, i.name], maxPoints: own });
      else walk(i.children, [...path, i.id], [...names, i.name], own);
    }
  };
  walk(system2.indicators, [], [], system2.fullMarks);
  return out;
};
var linearScale = (min, max) => {
  const levels2 = [];
  for (let l = min; l <= max; l++) levels2.push({ level: l, fraction: max === min ? 1 : (l - min) / (max - min) });
  const [first, ...rest] = levels2;
  return Scale.make({ levels: [first ?? { level: min, fraction: 1 }, ...rest] });
};
var location = (self) => ({ division: self.tenant });

// packages/core/src/assessment/Ranking.ts
var rank = (items, score3, key, direction = "desc") => {
  const sign = direction === "desc" ? -1 : 1;
  const sorted = items.map((item) => ({ item, score: round2(score3(item)), key: key(item) })).sort((a, b) => sign * (a.score - b.score) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const counts = /* @__PURE__ */ new Map();
  for (const s of sorted) counts.set(s.score, (counts.get(s.score) ?? 0) + 1);
  const out = [];
  sorted.forEach((s, i) => {
    const prev = out[i - 1];
    const r = prev !== void 0 && prev.score === s.score ? prev.rank : i + 1;
    out.push({ item: s.item, score: s.score, rank: r, tied: counts.get(s.score) ?? 1 });
  });
  return out;
};

// packages/core/src/assessment/Assessment.ts
var Period = class extends Schema7.Class("@zhili/AssessmentPeriod")(
  Schema7.Struct({ label: Schema7.NonEmptyTrimmedString, from: LocalDate, to: LocalDate }).pipe(
    Schema7.filter(
      (p) => p.from <= p.to || { path: ["to"], message: `period ends (${p.to}) before it starts (${p.from})` }
    )
  )
) {
};
var RawValue = Schema7.Union(
  Schema7.Boolean,
  Schema7.Number.pipe(Schema7.finite()),
  Schema7.Struct({
    numerator: Schema7.Number.pipe(Schema7.nonNegative(), Schema7.finite()),
    denominator: Schema7.Number.pipe(Schema7.nonNegative(), Schema7.finite())
  })
);
var RawInputs = class extends Schema7.Class("@zhili/RawInputs")({
  values: Schema7.optionalWith(Schema7.Record({ key: Schema7.String, value: RawValue }), { default: () => ({}) }),
  sources: Schema7.optionalWith(Schema7.Record({ key: Schema7.String, value: Schema7.Number.pipe(Schema7.finite()) }), {
    default: () => ({})
  })
}) {
};
var IndicatorScore = class extends Schema7.Class("@zhili/IndicatorScore")({
  indicator: IndicatorId,
  name: Schema7.String,
  path: Schema7.Array(IndicatorId),
  names: Schema7.Array(Schema7.String),
  kind: Schema7.Literal("leaf", "group"),
  maxPoints: Schema7.Number,
  points: Schema7.Number,
  lost: Schema7.Number,
  reason: Schema7.String
}) {
};
var ScoreSheet = class extends Schema7.Class("@zhili/ScoreSheet")({
  system: IndicatorSystemId,
  fullMarks: Schema7.Number,
  total: Schema7.Number,
  lost: Schema7.Number,
  lines: Schema7.Array(IndicatorScore),
  findings: Schema7.Array(Finding)
}) {
};
var pct = (f) => `${round2(f * 100)}%`;
var band = (bands, value2) => {
  const met = [...bands].filter((b) => value2 >= b.atLeast).sort((a, b) => b.atLeast - a.atLeast)[0];
  if (met === void 0) {
    const lowest = Math.min(...bands.map((b) => b.atLeast));
    return { fraction: 0, why: `below the lowest band (at least ${lowest})` };
  }
  return { fraction: met.fraction, why: `meets the band "at least ${met.atLeast}" worth ${pct(met.fraction)}` };
};
var scoreLeaf = (leaf, max, inputs2) => {
  const m = leaf.method;
  const path = ["values", leaf.id];
  const value2 = inputs2.values[leaf.id];
  const missing = (what) => ({
    points: 0,
    reason: `no ${what} supplied`,
    finding: error("assessment/missing-input", path, `${leaf.name} (${leaf.id}) needs ${what}; scored 0`)
  });
  const wrong = (what) => ({
    points: 0,
    reason: `input is not ${what}`,
    finding: error("assessment/invalid-input", path, `${leaf.name} (${leaf.id}) needs ${what}; scored 0`)
  });
  switch (m._tag) {
    case "YesNo": {
      if (value2 === void 0) return missing("a yes/no answer");
      if (typeof value2 !== "boolean") return wrong("a yes/no answer");
      return value2 ? { points: max, reason: "yes" } : { points: 0, reason: "no" };
    }
    case "Scale": {
      if (value2 === void 0) return missing("a level");
      if (typeof value2 !== "number") return wrong("a level");
      const level = m.levels.find((l) => l.level === value2);
      if (level === void 0) return wrong(`one of the levels ${m.levels.map((l) => l.level).join(", ")}`);
      return { points: max * level.fraction, reason: `level ${value2} is worth ${pct(level.fraction)}` };
    }
    case "Ratio": {
      if (value2 === void 0) return missing("a ratio");
      let ratio;
      let shown;
      if (typeof value2 === "number") {
        if (value2 < 0 || value2 > 1) return wrong("a ratio between 0 and 1");
        ratio = value2;
        shown = `ratio ${round2(value2)}`;
      } else if (typeof value2 === "object") {
        if (value2.denominator === 0) return wrong("a ratio with a denominator above 0");
        if (value2.numerator > value2.denominator) return wrong("a ratio whose numerator is at most its denominator");
        ratio = value2.numerator / value2.denominator;
        shown = `ratio ${value2.numerator}/${value2.denominator} = ${pct(ratio)}`;
      } else return wrong("a ratio");
      const b = band(m.bands, ratio);
      return { points: max * b.fraction, reason: `${shown} ${b.why}` };
    }
    case "CountTarget": {
      if (value2 === void 0) return missing("a count");
      if (typeof value2 !== "number" || value2 < 0) return wrong("a count of 0 or more");
      const f = Math.min(1, value2 / m.target);
      return { points: max * f, reason: `${value2} of the target ${m.target}` };
    }
    case "Deduction": {
      if (value2 === void 0) return missing("a number of occurrences");
      if (typeof value2 !== "number" || !Number.isInteger(value2) || value2 < 0) {
        return wrong("a whole number of occurrences");
      }
      if (value2 === 0) return { points: max, reason: "no occurrences" };
      const deducted = value2 * m.perOccurrence;
      const floored = max - deducted < m.floor;
      return {
        points: Math.max(m.floor, max - deducted),
        reason: `${value2} occurrence${value2 === 1 ? "" : "s"} \xD7 ${pts(m.perOccurrence)} = ${pts(deducted)} deducted` + (floored ? `, stopped at the floor of ${pts(m.floor)}` : "")
      };
    }
    case "DataSource": {
      const v = inputs2.sources[m.source];
      const spath = ["sources", m.source];
      if (v === void 0) {
        return {
          points: 0,
          reason: `data source ${m.source} not supplied`,
          finding: error(
            "assessment/missing-source",
            spath,
            `${leaf.name} (${leaf.id}) needs the value of ${m.source}; scored 0`
          )
        };
      }
      if (v < 0 || v > 1) {
        return {
          points: 0,
          reason: `data source ${m.source} is not a rate between 0 and 1`,
          finding: error(
            "assessment/invalid-source",
            spath,
            `${m.source} is ${v}, not a rate between 0 and 1; ${leaf.id} scored 0`
          )
        };
      }
      if (m.bands === void 0) return { points: max * v, reason: `${m.source} is ${pct(v)}` };
      const b = band(m.bands, v);
      return { points: max * b.fraction, reason: `${m.source} is ${pct(v)}, ${b.why}` };
    }
  }
};
var score = (system2, inputs2) => {
  const lines = [];
  const findings = [];
  const maxOf = new Map(leaves(system2).map((l) => [l.leaf.id, l.maxPoints]));
  const walk = (xs, path, names, max) => {
    let points = 0;
    let maxSum = 0;
    for (const i of xs) {
      const own = max * i.weight;
      const ipath = [...path, i.id];
      const inames = [...names, i.name];
      if (i._tag === "Leaf") {
        const leafMax = round2(maxOf.get(i.id) ?? own);
        const o = scoreLeaf(i, maxOf.get(i.id) ?? own, inputs2);
        if (o.finding !== void 0) findings.push(o.finding);
        const p = round2(o.points);
        lines.push(
          new IndicatorScore({
            indicator: i.id,
            name: i.name,
            path: ipath,
            names: inames,
            kind: "leaf",
            maxPoints: leafMax,
            points: p,
            lost: round2(leafMax - p),
            reason: o.reason
          })
        );
        points += p;
        maxSum += leafMax;
      } else {
        const at = lines.length;
        const sub = walk(i.children, ipath, inames, own);
        const lostHere = lines.slice(at).filter((l) => l.kind === "leaf" && l.lost > 0).map((l) => l.indicator);
        lines.splice(
          at,
          0,
          new IndicatorScore({
            indicator: i.id,
            name: i.name,
            path: ipath,
            names: inames,
            kind: "group",
            maxPoints: round2(sub.max),
            points: round2(sub.points),
            lost: round2(sub.max - sub.points),
            reason: lostHere.length === 0 ? "full points" : `points lost in ${lostHere.join(", ")}`
          })
        );
        points += sub.points;
        maxSum += sub.max;
      }
    }
    return { points, max: maxSum };
  };
  const t = walk(system2.indicators, [], [], system2.fullMarks);
  return new ScoreSheet({
    system: system2.id,
    fullMarks: system2.fullMarks,
    total: round2(t.points),
    lost: round2(t.max - t.points),
    lines,
    findings
  });
};
var explain = (sheet) => sheet.lines.filter((l) => l.kind === "leaf" && l.lost > 0).map((l) => `${l.names.join(" > ")}: lost ${pts(l.lost)} of ${pts(l.maxPoints)} points \u2014 ${l.reason}`);
var Assessment = class extends Schema7.Class("@zhili/Assessment")({
  id: AssessmentId,
  tenant: TenantId,
  subject: OrgUnitId,
  period: Period,
  system: IndicatorSystemId,
  inputs: RawInputs,
  scores: Schema7.Array(IndicatorScore),
  total: Schema7.Number,
  rank: Schema7.optional(Schema7.Int.pipe(Schema7.positive()))
}) {
};
var assess = (system2, args) => {
  const sheet = score(system2, args.inputs);
  return {
    assessment: new Assessment({ ...args, system: system2.id, scores: sheet.lines, total: sheet.total }),
    sheet
  };
};
var rankAll = (assessments) => rank(
  assessments,
  (a) => a.total,
  (a) => a.subject
).map((r) => new Assessment({ ...r.item, rank: r.rank }));
var location2 = (self, orgPath) => locate(self.tenant, self.subject, orgPath);

// packages/core/src/plugin/Plugin.ts
var import_semver = __toESM(require_semver2(), 1);
import { Context, Effect as Effect2, Either as Either3, Layer, Schema as Schema8 } from "effect";
var extensionPoint = (options2) => options2;
var contribute = (point, values, options2 = {}) => ({ point: point.id, values, override: options2.override });
var PluginHeader = Schema8.Struct({
  id: Schema8.String.pipe(
    Schema8.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
      message: () => "a plugin id is lower-case words joined by '-', e.g. calendar-cn"
    })
  ),
  version: Schema8.String.pipe(
    Schema8.filter((v) => import_semver.default.valid(v) !== null || `"${v}" is not a semantic version like 1.2.3`)
  ),
  description: Schema8.String.pipe(Schema8.minLength(1, { message: () => "a plugin needs a description" })),
  requires: Schema8.optional(
    Schema8.Struct({
      core: Schema8.optional(Schema8.String),
      plugins: Schema8.optional(Schema8.Record({ key: Schema8.String, value: Schema8.String }))
    })
  ),
  contributes: Schema8.Array(
    Schema8.Struct({
      point: Schema8.String,
      values: Schema8.Array(Schema8.Unknown),
      override: Schema8.optional(Schema8.Boolean)
    })
  )
});
var InvalidPlugin = class extends Schema8.TaggedError()("InvalidPlugin", {
  plugin: Schema8.String,
  issues: Schema8.Array(DecodeIssue)
}) {
  get message() {
    const first = this.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return `plugin ${this.plugin} is invalid: ${first}${this.issues.length > 3 ? ` (and ${this.issues.length - 3} more)` : ""}`;
  }
};
var PluginConflict = class extends Schema8.TaggedError()("PluginConflict", {
  point: Schema8.String,
  key: Schema8.String,
  first: Schema8.String,
  second: Schema8.String
}) {
  get message() {
    return `plugins ${this.first} and ${this.second} both define ${this.point} "${this.key}"; mark the later contribution as an override if it is meant to replace the earlier one`;
  }
};
var MissingDependency = class extends Schema8.TaggedError()("MissingDependency", {
  plugin: Schema8.String,
  requires: Schema8.String,
  range: Schema8.String,
  reason: Schema8.Literal("absent", "after")
}) {
  get message() {
    return this.reason === "absent" ? `plugin ${this.plugin} requires plugin ${this.requires} ${this.range}, which is not installed` : `plugin ${this.plugin} requires plugin ${this.requires} ${this.range}; list ${this.requires} before ${this.plugin}`;
  }
};
var IncompatibleVersion = class extends Schema8.TaggedError()("IncompatibleVersion", {
  plugin: Schema8.String,
  requires: Schema8.String,
  range: Schema8.String,
  found: Schema8.String
}) {
  get message() {
    return `plugin ${this.plugin} requires ${this.requires} ${this.range}, but ${this.found} is installed`;
  }
};
var DuplicatePlugin = class extends Schema8.TaggedError()("DuplicatePlugin", {
  plugin: Schema8.String
}) {
  get message() {
    return `plugin ${this.plugin} is listed twice`;
  }
};
var Plugins = class extends Context.Tag("@zhili/core/Plugins")() {
};

// packages/core/src/kernel/Privacy.ts
import { Redacted, Schema as Schema9 } from "effect";
var SensitiveString = Schema9.Redacted(Schema9.String).annotations({
  identifier: "SensitiveString",
  title: "sensitive text (held redacted)"
});
var MaskPolicy = class extends Schema9.Class("@zhili/MaskPolicy")({
  keepStart: Schema9.NonNegativeInt,
  keepEnd: Schema9.NonNegativeInt,
  maskChar: Schema9.optionalWith(Schema9.String.pipe(Schema9.length(1)), { default: () => "*" }),
  fixedLength: Schema9.optional(Schema9.NonNegativeInt)
}) {
};
var defaultIdNumberMask = new MaskPolicy({ keepStart: 6, keepEnd: 4, maskChar: "*" });
var strictIdNumberMask = new MaskPolicy({ keepStart: 1, keepEnd: 1, maskChar: "*" });
var defaultMobileMask = new MaskPolicy({ keepStart: 3, keepEnd: 4, maskChar: "*" });
var defaultNameMask = new MaskPolicy({ keepStart: 1, keepEnd: 0, maskChar: "*" });
var hideAll = new MaskPolicy({ keepStart: 0, keepEnd: 0, maskChar: "*", fixedLength: 3 });
var minorAgeThreshold = 14;
var Disclosure = class extends Schema9.Class("@zhili/Disclosure")({
  reason: Schema9.Trim.pipe(
    Schema9.minLength(4, { message: () => "a disclosure needs a reason of at least 4 characters" })
  ),
  fields: Schema9.optional(Schema9.Array(Schema9.Literal("idNumber", "phone", "name", "healthNote", "minor")))
}) {
};

// packages/core/src/case/Case.ts
var Case_exports = {};
__export(Case_exports, {
  Accepted: () => Accepted,
  Actor: () => Actor,
  Assignee: () => Assignee,
  Case: () => Case,
  Closed: () => Closed,
  Closure: () => Closure,
  Dispatched: () => Dispatched,
  Due: () => Due,
  Escalated: () => Escalated,
  Event: () => Event,
  ExtensionGranted: () => ExtensionGranted,
  IllegalTransition: () => IllegalTransition,
  Intake: () => Intake,
  Kind: () => Kind,
  Location: () => Location,
  Priority: () => Priority,
  Rated: () => Rated,
  Rejected: () => Rejected,
  Reopened: () => Reopened,
  Reported: () => Reported,
  Reporter: () => Reporter,
  Resolved: () => Resolved,
  Returned: () => Returned,
  Satisfaction: () => Satisfaction,
  Severity: () => Severity2,
  Shelved: () => Shelved,
  Source: () => Source2,
  Started: () => Started,
  Status: () => Status,
  Unshelved: () => Unshelved,
  Verified: () => Verified,
  Withdrawn: () => Withdrawn,
  allowedEvents: () => allowedEvents,
  applyAll: () => applyAll,
  decode: () => decode2,
  firstAt: () => firstAt,
  fold: () => fold,
  isFinal: () => isFinal,
  isOverdue: () => isOverdue3,
  makePolicy: () => makePolicy,
  nextLevel: () => nextLevel,
  open: () => open,
  originalDue: () => originalDue,
  runningDue: () => runningDue,
  scopeLocation: () => scopeLocation,
  system: () => system,
  transition: () => transition,
  validate: () => validate4
});
import { Array as Arr, DateTime as DateTime5, Either as Either6, Option as Option4, Schema as Schema14 } from "effect";

// packages/core/src/case/Category.ts
var Category_exports = {};
__export(Category_exports, {
  AttributeDatatype: () => AttributeDatatype,
  AttributeValue: () => AttributeValue,
  Catalogue: () => Catalogue,
  Category: () => Category,
  HandlingLevel: () => HandlingLevel,
  IntakeAttribute: () => IntakeAttribute,
  TimeLimits: () => TimeLimits,
  attributesOf: () => attributesOf,
  children: () => children,
  defaultCatalogue: () => defaultCatalogue,
  defaultContribution: () => defaultContribution,
  disputeLimits: () => disputeLimits,
  emergencyLimits: () => emergencyLimits,
  extensionPoint: () => extensionPoint2,
  fromRegistry: () => fromRegistry,
  generalLimits: () => generalLimits,
  isUnder: () => isUnder,
  levelAbove: () => levelAbove,
  levelOf: () => levelOf,
  levelRank: () => levelRank,
  levels: () => levels,
  limitsOf: () => limitsOf,
  lineage: () => lineage,
  lookup: () => lookup,
  maxLevel: () => maxLevel,
  utilityLimits: () => utilityLimits,
  validate: () => validate3
});
import { Option as Option3, Schema as Schema13 } from "effect";

// packages/core/src/case/Deadline.ts
var Deadline_exports = {};
__export(Deadline_exports, {
  Duration: () => Duration2,
  Unit: () => Unit,
  duration: () => duration,
  elapsedClock: () => elapsedClock,
  fromWorkingCalendar: () => fromWorkingCalendar,
  fromWorkingTime: () => fromWorkingTime,
  isOverdue: () => isOverdue2
});
import { DateTime as DateTime4, Either as Either5, Schema as Schema12 } from "effect";

// packages/core/src/kernel/WorkingCalendar.ts
var WorkingCalendar_exports = {};
__export(WorkingCalendar_exports, {
  CalendarConflict: () => CalendarConflict,
  CalendarGap: () => CalendarGap,
  CalendarYear: () => CalendarYear,
  Holiday: () => Holiday,
  MakeUpDay: () => MakeUpDay,
  Source: () => Source,
  Weekday: () => Weekday,
  WorkingCalendar: () => WorkingCalendar,
  WorkingHours: () => WorkingHours,
  addWorkingDays: () => addWorkingDays,
  addWorkingDaysDeadline: () => addWorkingDaysDeadline,
  addWorkingHours: () => addWorkingHours,
  calendars: () => calendars,
  coveredYears: () => coveredYears,
  dayKind: () => dayKind,
  decode: () => decode,
  defaultWorkingHours: () => defaultWorkingHours,
  extend: () => extend,
  isOverdue: () => isOverdue,
  isWorkingDay: () => isWorkingDay,
  merge: () => merge,
  restrict: () => restrict,
  validate: () => validate2,
  weekendsOnly: () => weekendsOnly,
  workingDaysBetween: () => workingDaysBetween,
  workingTimeBetween: () => workingTimeBetween
});
import { DateTime as DateTime3, Duration, Either as Either4, Schema as Schema11 } from "effect";

// packages/core/src/kernel/WallClock.ts
import { DateTime as DateTime2, Option as Option2, Schema as Schema10 } from "effect";
var defaultTimeZone = "Asia/Shanghai";
var TimeZoneId = Schema10.String.pipe(
  Schema10.filter((s) => Option2.isSome(DateTime2.zoneMakeNamed(s)) || `"${s}" is not a known IANA time zone`, {
    identifier: "TimeZoneIdString"
  }),
  Schema10.brand("@zhili/TimeZoneId"),
  Schema10.annotations({ identifier: "TimeZoneId", title: "IANA time zone" })
);
var timePattern = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
var parseSeconds = (s) => {
  const m = timePattern.exec(s);
  if (m === null) return void 0;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === void 0 ? 0 : Number(m[3]);
  if (min > 59 || sec > 59) return void 0;
  if (h < 24) return h * 3600 + min * 60 + sec;
  return h === 24 && min === 0 && sec === 0 ? 86400 : void 0;
};
var TimeOfDay = Schema10.String.pipe(
  Schema10.filter(
    (s) => parseSeconds(s) !== void 0 || `"${s}" is not a time of day in the form HH:MM between 00:00 and 24:00`,
    { identifier: "TimeOfDayString" }
  ),
  Schema10.brand("@zhili/TimeOfDay"),
  Schema10.annotations({ identifier: "TimeOfDay", title: "time of day (HH:MM)" })
);
var toSeconds = (time2) => parseSeconds(time2) ?? 0;
var Period2 = class extends Schema10.Class("@zhili/Period")(
  Schema10.Struct({ start: TimeOfDay, end: TimeOfDay }).pipe(
    Schema10.filter(
      (p) => toSeconds(p.end) > toSeconds(p.start) ? void 0 : { path: ["end"], message: `a period must end after it starts (${p.start}\u2013${p.end})` }
    )
  )
) {
  /** The period as people write it: `08:30–11:30`. */
  toString() {
    return `${this.start}\u2013${this.end}`;
  }
};
var period = (start, end) => Schema10.decodeUnknownSync(Period2)({ start, end }, { errors: "all" });
var Periods = Schema10.Array(Period2).pipe(
  Schema10.filter(
    (ps) => ps.flatMap((p, i) => {
      const prev = ps[i - 1];
      return prev !== void 0 && toSeconds(p.start) < toSeconds(prev.end) ? [{ path: [i], message: `period ${p} starts before the previous period ${prev} ends; list periods in order` }] : [];
    })
  ),
  Schema10.annotations({ identifier: "Periods", title: "periods of a day, in order" })
);
var instantCacheSize = 5e4;
var instantCache = /* @__PURE__ */ new Map();
var toInstant = (date2, timeOfDay, timeZone = defaultTimeZone) => {
  let seconds = typeof timeOfDay === "number" ? timeOfDay : toSeconds(timeOfDay);
  let day = date2;
  if (seconds >= 86400) {
    day = addDays(date2, Math.floor(seconds / 86400));
    seconds = seconds % 86400;
  }
  const key = `${timeZone}|${day}|${seconds}`;
  const cached = instantCache.get(key);
  if (cached !== void 0) return cached;
  const { day: d, month: month2, year: year2 } = toParts(day);
  const zoned = DateTime2.unsafeMakeZoned(
    {
      year: year2,
      month: month2,
      day: d,
      hours: Math.floor(seconds / 3600),
      minutes: Math.floor(seconds % 3600 / 60),
      seconds: seconds % 60
    },
    { timeZone: DateTime2.zoneUnsafeMakeNamed(timeZone), adjustForTimeZone: true, disambiguation: "compatible" }
  );
  const instant = DateTime2.toUtc(zoned);
  if (instantCache.size >= instantCacheSize) instantCache.clear();
  instantCache.set(key, instant);
  return instant;
};
var fromInstant = (instant, timeZone = defaultTimeZone) => {
  const p = DateTime2.toParts(DateTime2.unsafeMakeZoned(instant, { timeZone: DateTime2.zoneUnsafeMakeNamed(timeZone) }));
  return { date: make2(p.year, p.month, p.day), secondOfDay: p.hours * 3600 + p.minutes * 60 + p.seconds };
};

// packages/core/src/kernel/WorkingCalendar.ts
var Weekday = Schema11.Literal(1, 2, 3, 4, 5, 6, 7).annotations({
  identifier: "Weekday",
  message: (issue) => ({
    message: `a weekday is 1 (Monday) to 7 (Sunday), got ${JSON.stringify(issue.actual)}`,
    override: true
  })
});
var Holiday = class extends Schema11.Class("@zhili/WorkingCalendar/Holiday")({
  date: LocalDate,
  name: Schema11.NonEmptyTrimmedString
}) {
};
var MakeUpDay = class extends Schema11.Class("@zhili/WorkingCalendar/MakeUpDay")({
  date: LocalDate,
  name: Schema11.NonEmptyTrimmedString
}) {
};
var Source = class extends Schema11.Class("@zhili/WorkingCalendar/Source")({
  title: Schema11.NonEmptyTrimmedString,
  reference: Schema11.optionalWith(Schema11.NonEmptyTrimmedString, { exact: true }),
  published: Schema11.optionalWith(LocalDate, { exact: true }),
  url: Schema11.optionalWith(Schema11.String, { exact: true }),
  note: Schema11.optionalWith(Schema11.String, { exact: true })
}) {
};
var CalendarYear = class extends Schema11.Class("@zhili/WorkingCalendar/CalendarYear")(
  Schema11.Struct({
    year: Schema11.Int.pipe(Schema11.between(1900, 2999)),
    holidays: Schema11.Array(Holiday),
    makeUpDays: Schema11.Array(MakeUpDay),
    sources: Schema11.Array(Source)
  }).pipe(
    Schema11.filter((y) => {
      const issues = [];
      const seen = /* @__PURE__ */ new Set();
      y.holidays.forEach((h, i) => {
        if (toParts(h.date).year !== y.year)
          issues.push({ path: ["holidays", i, "date"], message: `${h.date} is not in ${y.year}` });
        if (seen.has(h.date))
          issues.push({ path: ["holidays", i, "date"], message: `${h.date} is listed twice as a holiday` });
        seen.add(h.date);
      });
      y.makeUpDays.forEach((m, i) => {
        if (toParts(m.date).year !== y.year)
          issues.push({ path: ["makeUpDays", i, "date"], message: `${m.date} is not in ${y.year}` });
        if (seen.has(m.date))
          issues.push({ path: ["makeUpDays", i, "date"], message: `${m.date} is both a holiday and a make-up day` });
        seen.add(m.date);
      });
      return issues;
    })
  )
) {
};
var WorkingCalendar = class extends Schema11.Class("@zhili/WorkingCalendar")(
  Schema11.Struct({
    /** Stable name used in messages and as its plugin key, like `calendar-cn/official`. */
    id: Schema11.NonEmptyTrimmedString,
    /** Zone in which dates and working hours are read; default Asia/Shanghai. */
    timeZone: Schema11.optionalWith(TimeZoneId, {
      default: () => defaultTimeZone,
      exact: true
    }),
    /** Weekend days (ISO weekdays); default Saturday and Sunday (the national five-day week). */
    weekend: Schema11.optionalWith(Schema11.Array(Weekday), { default: () => [6, 7], exact: true }),
    /** The years the calendar has data for, each with its holidays and make-up days. */
    years: Schema11.Array(CalendarYear),
    /** Free notes on the calendar as a whole. */
    notes: Schema11.optionalWith(Schema11.String, { exact: true })
  }).pipe(
    Schema11.filter((c) => {
      const issues = [];
      const seen = /* @__PURE__ */ new Set();
      c.years.forEach((y, i) => {
        if (seen.has(y.year))
          issues.push({ path: ["years", i, "year"], message: `calendar ${c.id} lists ${y.year} twice` });
        seen.add(y.year);
        y.makeUpDays.forEach((m, j) => {
          if (!c.weekend.includes(dayOfWeek(m.date)))
            issues.push({
              path: ["years", i, "makeUpDays", j, "date"],
              message: `make-up day ${m.date} is not a weekend day, so it is a working day anyway`
            });
        });
      });
      return issues;
    })
  )
) {
};
var CalendarGap = class extends Schema11.TaggedError()("CalendarGap", {
  calendar: Schema11.String,
  year: Schema11.Number,
  date: Schema11.String,
  covered: Schema11.Array(Schema11.Number)
}) {
  get message() {
    const covered = this.covered.length === 0 ? "no year" : formatYears(this.covered);
    return `calendar ${this.calendar} has no data for ${this.year} (asked about ${this.date}); it covers ${covered}`;
  }
};
var CalendarConflict = class extends Schema11.TaggedError()("CalendarConflict", {
  calendar: Schema11.String,
  reason: Schema11.String
}) {
  get message() {
    return `calendar ${this.calendar}: ${this.reason}`;
  }
};
var formatYears = (years) => {
  const sorted = [...years].sort((a, b) => a - b);
  const runs = [];
  let start = sorted[0];
  let prev = start;
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (start === void 0 || prev === void 0) break;
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    runs.push(start === prev ? `${start}` : `${start}\u2013${prev}`);
    start = y;
    prev = y;
  }
  return runs.join(", ");
};
var decode = (input) => decodeEither(WorkingCalendar, "WorkingCalendar")(input);
var validate2 = (input) => Either4.match(validate(WorkingCalendar)(input), { onLeft: (fs) => fs, onRight: () => [] });
var weekendsOnly = (id2, years, options2 = {}) => Schema11.decodeUnknownSync(WorkingCalendar)({
  id: id2,
  timeZone: options2.timeZone ?? defaultTimeZone,
  weekend: options2.weekend ?? [6, 7],
  years: years.map((year2) => ({ year: year2, holidays: [], makeUpDays: [], sources: [] }))
});
var coveredYears = (calendar) => calendar.years.map((y) => y.year).sort((a, b) => a - b);
var extend = (calendar, years) => Either4.gen(function* () {
  const decoded = yield* decodeEither(Schema11.Array(CalendarYear), "CalendarYear")(years);
  const have = new Set(coveredYears(calendar));
  const clash = decoded.find((y) => have.has(y.year));
  if (clash !== void 0)
    return yield* Either4.left(
      new CalendarConflict({ calendar: calendar.id, reason: `already has data for ${clash.year}` })
    );
  return yield* decodeEither(
    WorkingCalendar,
    "WorkingCalendar"
  )({
    ...calendar,
    years: [...calendar.years, ...decoded]
  });
});
var merge = (self, that, id2 = self.id) => {
  if (self.timeZone !== that.timeZone)
    return Either4.left(
      new CalendarConflict({
        calendar: self.id,
        reason: `zone ${self.timeZone} differs from ${that.id}'s ${that.timeZone}`
      })
    );
  const weekend = (c) => [...c.weekend].sort().join(",");
  if (weekend(self) !== weekend(that))
    return Either4.left(new CalendarConflict({ calendar: self.id, reason: `weekend differs from ${that.id}'s` }));
  return Either4.flatMap(
    decodeEither(WorkingCalendar, "WorkingCalendar")({ ...self, id: id2 }),
    (renamed) => extend(renamed, that.years)
  );
};
var restrict = (calendar, years) => new WorkingCalendar({ ...calendar, years: calendar.years.filter((y) => years.includes(y.year)) });
var indexes = /* @__PURE__ */ new WeakMap();
var indexOf = (calendar) => {
  const cached = indexes.get(calendar);
  if (cached !== void 0) return cached;
  const holidays = /* @__PURE__ */ new Map();
  const makeUp = /* @__PURE__ */ new Map();
  for (const y of calendar.years) {
    for (const h of y.holidays) holidays.set(h.date, h.name);
    for (const m of y.makeUpDays) makeUp.set(m.date, m.name);
  }
  const index = {
    years: new Set(calendar.years.map((y) => y.year)),
    covered: coveredYears(calendar),
    holidays,
    makeUp,
    weekend: new Set(calendar.weekend)
  };
  indexes.set(calendar, index);
  return index;
};
var dayKind = (calendar, date2) => {
  const index = indexOf(calendar);
  const year2 = toParts(date2).year;
  if (!index.years.has(year2))
    return Either4.left(new CalendarGap({ calendar: calendar.id, year: year2, date: date2, covered: index.covered }));
  const holiday = index.holidays.get(date2);
  if (holiday !== void 0) return Either4.right({ _tag: "Holiday", name: holiday });
  const makeUp = index.makeUp.get(date2);
  if (makeUp !== void 0) return Either4.right({ _tag: "MakeUpDay", name: makeUp });
  return Either4.right(index.weekend.has(dayOfWeek(date2)) ? { _tag: "Weekend" } : { _tag: "Workday" });
};
var isWorkingDay = (calendar, date2) => Either4.map(dayKind(calendar, date2), (k) => k._tag === "Workday" || k._tag === "MakeUpDay");
var nonInteger = (what, n) => new InvalidInput({ code: "calendar/invalid-count", path: [what], reason: `${what} must be a whole number, got ${n}` });
var addWorkingDays = (calendar, date2, n) => {
  if (!Number.isSafeInteger(n)) return Either4.left(nonInteger("n", n));
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date2;
  while (left > 0) {
    d = addDays(d, step);
    const working = isWorkingDay(calendar, d);
    if (Either4.isLeft(working)) return Either4.left(working.left);
    if (working.right) left--;
  }
  return Either4.right(d);
};
var workingDaysBetween = (calendar, from2, to2) => {
  const forward = from2 <= to2;
  const [lo, hi] = forward ? [addDays(from2, 1), to2] : [to2, addDays(from2, -1)];
  let count = 0;
  for (let e = toEpochDay(lo), end = toEpochDay(hi); e <= end; e++) {
    const working = isWorkingDay(calendar, fromEpochDay(e));
    if (Either4.isLeft(working)) return Either4.left(working.left);
    if (working.right) count++;
  }
  return Either4.right(forward ? count : -count);
};
var WorkingHours = class extends Schema11.Class("@zhili/WorkingHours")({
  periods: Periods.pipe(Schema11.minItems(1))
}) {
};
var defaultWorkingHours = new WorkingHours({
  periods: [period("09:00", "12:00"), period("13:30", "17:30")]
});
var workingIntervals = (calendar, date2, hours) => Either4.map(
  isWorkingDay(calendar, date2),
  (working) => working ? hours.periods.map(
    (p) => [
      DateTime3.toEpochMillis(toInstant(date2, p.start, calendar.timeZone)),
      DateTime3.toEpochMillis(toInstant(date2, p.end, calendar.timeZone))
    ]
  ) : []
);
var addWorkingHours = (calendar, instant, hours, workingHours = defaultWorkingHours) => {
  if (!Number.isFinite(hours) || hours < 0)
    return Either4.left(
      new InvalidInput({
        code: "calendar/invalid-hours",
        path: ["hours"],
        reason: `working hours to add must be a finite number \u2265 0, got ${hours}`
      })
    );
  let left = Math.round(hours * 36e5);
  const start = DateTime3.toEpochMillis(instant);
  if (left === 0) return Either4.right(instant);
  let date2 = fromInstant(instant, calendar.timeZone).date;
  for (; ; ) {
    const intervals = workingIntervals(calendar, date2, workingHours);
    if (Either4.isLeft(intervals)) return Either4.left(intervals.left);
    for (const [a, b] of intervals.right) {
      const from2 = Math.max(a, start);
      if (from2 >= b) continue;
      if (b - from2 >= left) return Either4.right(DateTime3.unsafeMake(from2 + left));
      left -= b - from2;
    }
    date2 = addDays(date2, 1);
  }
};
var addWorkingDaysDeadline = (calendar, instant, n, options2 = {}) => {
  if (!Number.isSafeInteger(n) || n < 1)
    return Either4.left(
      new InvalidInput({
        code: "calendar/invalid-count",
        path: ["n"],
        reason: `n must be a whole number \u2265 1, got ${n}`
      })
    );
  const start = fromInstant(instant, calendar.timeZone).date;
  return Either4.map(addWorkingDays(calendar, start, n), (day) => {
    const periods = (options2.workingHours ?? defaultWorkingHours).periods;
    const last = periods[periods.length - 1];
    const close = options2.end === "midnight" || last === void 0 ? 86400 : toSeconds(last.end);
    return toInstant(day, close, calendar.timeZone);
  });
};
var workingTimeBetween = (calendar, from2, to2, workingHours = defaultWorkingHours) => {
  const lo = DateTime3.toEpochMillis(from2);
  const hi = DateTime3.toEpochMillis(to2);
  if (hi <= lo) return Either4.right(Duration.zero);
  const first = fromInstant(from2, calendar.timeZone).date;
  const last = fromInstant(to2, calendar.timeZone).date;
  let total = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const intervals = workingIntervals(calendar, d, workingHours);
    if (Either4.isLeft(intervals)) return Either4.left(intervals.left);
    for (const [a, b] of intervals.right) total += Math.max(0, Math.min(b, hi) - Math.max(a, lo));
  }
  return Either4.right(Duration.millis(total));
};
var isOverdue = (deadline, at) => DateTime3.greaterThan(at, deadline);
var calendars = extensionPoint({
  id: "kernel.workingCalendars",
  description: "Working-day calendars: weekends, public holidays and make-up working days by year",
  schema: WorkingCalendar,
  key: (calendar) => calendar.id
});

// packages/core/src/case/Deadline.ts
var Unit = Schema12.Literal("hours", "days", "working-hours", "working-days");
var Duration2 = class extends Schema12.Class("@zhili/CaseDuration")({
  amount: Schema12.Int.pipe(Schema12.greaterThan(0, { message: () => "a time limit must be a positive whole number" })),
  unit: Unit
}) {
  /** The limit as people write it: `7 working-days`. */
  toString() {
    return `${this.amount} ${this.unit}`;
  }
};
var duration = (amount, unit) => new Duration2({ amount, unit });
var elapsed = (from2, limit, timeZone) => limit.unit === "hours" ? DateTime4.add(from2, { hours: limit.amount }) : DateTime4.toUtc(DateTime4.add(DateTime4.unsafeMakeZoned(from2, { timeZone }), { days: limit.amount }));
var elapsedClock = (timeZone = "Asia/Shanghai") => (from2, limit) => limit.unit === "hours" || limit.unit === "days" ? Either5.right(elapsed(from2, limit, timeZone)) : Either5.left(
  new InvalidInput({
    code: "deadline/no-working-calendar",
    path: [],
    reason: `a limit of ${limit} needs a working-day calendar and none was given`
  })
);
var fromWorkingTime = (calendar, timeZone = "Asia/Shanghai") => (from2, limit) => {
  switch (limit.unit) {
    case "working-hours":
      return calendar.addWorkingHours(from2, limit.amount);
    case "working-days":
      return calendar.addWorkingDays(from2, limit.amount);
    default:
      return Either5.right(elapsed(from2, limit, timeZone));
  }
};
var fromCalendarError = (e) => e._tag === "InvalidInput" ? e : new InvalidInput({ code: "deadline/calendar-gap", path: [], reason: e.message });
var fromWorkingCalendar = (calendar, options2 = {}) => fromWorkingTime(
  {
    addWorkingHours: (from2, hours) => Either5.mapLeft(addWorkingHours(calendar, from2, hours, options2.workingHours), fromCalendarError),
    addWorkingDays: (from2, days) => Either5.mapLeft(addWorkingDaysDeadline(calendar, from2, days, options2), fromCalendarError)
  },
  calendar.timeZone
);
var isOverdue2 = (due, at) => DateTime4.greaterThan(at, due);

// packages/core/src/case/Category.ts
var HandlingLevel = Schema13.Literal("micro-grid", "compound", "community", "street");
var levels = ["micro-grid", "compound", "community", "street"];
var levelRank = (level) => levels.indexOf(level);
var maxLevel = (a, b) => levelRank(a) >= levelRank(b) ? a : b;
var levelAbove = (level) => Option3.fromNullable(levels[levelRank(level) + 1]);
var AttributeValue = class extends Schema13.Class("@zhili/CaseAttributeValue")({
  key: Schema13.String.pipe(Schema13.minLength(1)),
  name: Schema13.String.pipe(Schema13.minLength(1))
}) {
};
var AttributeDatatype = Schema13.Literal(
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist"
);
var IntakeAttribute = class extends Schema13.Class("@zhili/IntakeAttribute")({
  code: Schema13.String.pipe(Schema13.minLength(1)),
  variable: Schema13.Boolean,
  datatype: AttributeDatatype,
  required: Schema13.Boolean,
  datatypeDescription: Schema13.optional(Schema13.String),
  order: Schema13.optional(Schema13.Int),
  description: Schema13.optional(Schema13.String),
  values: Schema13.optional(Schema13.Array(AttributeValue))
}) {
};
var TimeLimits = class extends Schema13.Class("@zhili/CaseTimeLimits")({
  response: Duration2,
  resolve: Duration2,
  resolveComplex: Schema13.optional(Duration2),
  source: Schema13.String
}) {
};
var Category = class extends Schema13.Class("@zhili/CaseCategory")({
  code: CategoryCode,
  parent: Schema13.optional(CategoryCode),
  name: Schema13.String.pipe(Schema13.minLength(1)),
  nameEn: Schema13.String.pipe(Schema13.minLength(1)),
  description: Schema13.optional(Schema13.String),
  limits: Schema13.optional(TimeLimits),
  level: Schema13.optional(HandlingLevel),
  attributes: Schema13.optionalWith(Schema13.Array(IntakeAttribute), { default: () => [] })
}) {
};
var Catalogue = class extends Schema13.Class("@zhili/CaseCatalogue")({
  categories: Schema13.Array(Category)
}) {
};
var lookup = (catalogue, code) => Option3.fromNullable(catalogue.categories.find((c) => c.code === code));
var lineage = (catalogue, code) => {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  let next = code;
  while (next !== void 0 && !seen.has(next)) {
    seen.add(next);
    const found = lookup(catalogue, next);
    if (Option3.isNone(found)) break;
    out.push(found.value);
    next = found.value.parent;
  }
  return out;
};
var isUnder = (catalogue, code, ancestor) => lineage(catalogue, code).some((c) => c.code === ancestor);
var children = (catalogue, code) => catalogue.categories.filter((c) => c.parent === code);
var limitsOf = (catalogue, code) => Option3.fromNullable(lineage(catalogue, code).find((c) => c.limits !== void 0)?.limits);
var levelOf = (catalogue, code) => Option3.fromNullable(lineage(catalogue, code).find((c) => c.level !== void 0)?.level);
var attributesOf = (catalogue, code) => {
  const byCode = /* @__PURE__ */ new Map();
  for (const c of [...lineage(catalogue, code)].reverse()) for (const a of c.attributes) byCode.set(a.code, a);
  return [...byCode.values()].sort(
    (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER)
  );
};
var validate3 = (catalogue) => {
  const findings = [];
  const codes = /* @__PURE__ */ new Map();
  catalogue.categories.forEach((c, i) => {
    const path = ["categories", i];
    if (codes.has(c.code)) {
      findings.push(
        error("case-category/duplicate-code", [...path, "code"], `category ${c.code} is listed twice`)
      );
    }
    codes.set(c.code, i);
  });
  catalogue.categories.forEach((c, i) => {
    const path = ["categories", i];
    if (c.parent !== void 0 && !codes.has(c.parent)) {
      findings.push(
        error(
          "case-category/unknown-parent",
          [...path, "parent"],
          `category ${c.code}: parent ${c.parent} is not in the catalogue`
        )
      );
    }
    const chain = /* @__PURE__ */ new Set([c.code]);
    for (let p = c.parent; p !== void 0; p = lookup(catalogue, p).pipe(
      Option3.flatMap((x) => Option3.fromNullable(x.parent)),
      Option3.getOrUndefined
    )) {
      if (chain.has(p)) {
        findings.push(
          error("case-category/cycle", [...path, "parent"], `category ${c.code} is its own ancestor`)
        );
        break;
      }
      chain.add(p);
    }
    if (c.parent === void 0 && c.limits === void 0) {
      findings.push(
        error(
          "case-category/root-without-limits",
          [...path, "limits"],
          `root category ${c.code} has no time limits to inherit`
        )
      );
    }
    if (c.parent === void 0 && c.level === void 0) {
      findings.push(
        error(
          "case-category/root-without-level",
          [...path, "level"],
          `root category ${c.code} has no handling level to inherit`
        )
      );
    }
    const attrCodes = /* @__PURE__ */ new Set();
    c.attributes.forEach((a, j) => {
      const ap = [...path, "attributes", j];
      if (attrCodes.has(a.code)) {
        findings.push(
          error(
            "case-category/duplicate-attribute",
            [...ap, "code"],
            `category ${c.code}: intake field ${a.code} is listed twice`
          )
        );
      }
      attrCodes.add(a.code);
      const isList = a.datatype === "singlevaluelist" || a.datatype === "multivaluelist";
      if (isList && (a.values === void 0 || a.values.length === 0)) {
        findings.push(
          error(
            "case-category/list-without-values",
            [...ap, "values"],
            `category ${c.code}: list field ${a.code} has no options`
          )
        );
      }
      if (!isList && a.values !== void 0 && a.values.length > 0) {
        findings.push(
          warning(
            "case-category/values-on-non-list",
            [...ap, "values"],
            `category ${c.code}: field ${a.code} is ${a.datatype} but lists options`
          )
        );
      }
    });
  });
  return findings;
};
var replaceable = "default to be replaced (STANDARDS.md marks case time limits open)";
var generalLimits = new TimeLimits({
  response: duration(1, "working-days"),
  resolve: duration(7, "working-days"),
  resolveComplex: duration(15, "working-days"),
  source: `Beijing \u63A5\u8BC9\u5373\u529E general 7 days / complex 15 days (one source); response 1 working day; ${replaceable}`
});
var utilityLimits = new TimeLimits({
  response: duration(2, "hours"),
  resolve: duration(24, "hours"),
  source: `Beijing \u63A5\u8BC9\u5373\u529E water/power/gas/heating 24 h (one source); response 2 h; ${replaceable}`
});
var emergencyLimits = new TimeLimits({
  response: duration(2, "hours"),
  resolve: duration(2, "hours"),
  source: `Beijing \u63A5\u8BC9\u5373\u529E emergencies 2 h (one source); ${replaceable}`
});
var disputeLimits = new TimeLimits({
  response: duration(1, "working-days"),
  resolve: duration(15, "working-days"),
  resolveComplex: duration(30, "working-days"),
  source: `Beijing complex 15 days (one source); complex disputes 30 working days; ${replaceable}`
});
var attr = (code, order, description, datatype, required, values) => new IntakeAttribute({
  code,
  variable: true,
  datatype,
  required,
  order,
  description,
  ...values === void 0 ? {} : { values: values.map(([key, name]) => new AttributeValue({ key, name })) }
});
var cat = (code, name, nameEn, more = {}) => Category.make({
  code: CategoryCode.make(code),
  name,
  nameEn,
  attributes: more.attributes ?? [],
  ...more.parent === void 0 ? {} : { parent: CategoryCode.make(more.parent) },
  ...more.limits === void 0 ? {} : { limits: more.limits },
  ...more.level === void 0 ? {} : { level: more.level },
  ...more.description === void 0 ? {} : { description: more.description }
});
var yesNo = [
  ["yes", "\u662F"],
  ["no", "\u5426"]
];
var defaultCatalogue = new Catalogue({
  categories: [
    cat("property", "\u7269\u4E1A\u670D\u52A1", "Property services", {
      limits: generalLimits,
      level: "compound",
      description: "matters the property company handles; the property steward (\u7269\u4E1A\u7BA1\u5BB6) leads the small grid",
      attributes: [attr("unit_no", 1, "\u623F\u53F7 / flat number", "string", false)]
    }),
    cat("property.repair", "\u516C\u5171\u90E8\u4F4D\u7EF4\u4FEE", "Repairs to common parts", { parent: "property" }),
    cat("property.fee", "\u7269\u4E1A\u8D39\u4E0E\u6536\u8D39", "Service charges", { parent: "property" }),
    cat("property.parking", "\u505C\u8F66\u7BA1\u7406", "Parking", { parent: "property" }),
    cat("property.greening", "\u7EFF\u5316\u517B\u62A4", "Landscaping", { parent: "property", level: "micro-grid" }),
    cat("utilities", "\u6C34\u7535\u6C14\u70ED", "Water, power, gas and heating", {
      limits: utilityLimits,
      level: "compound",
      attributes: [
        attr("supply", 1, "\u4E2D\u65AD\u7684\u4F9B\u5E94 / supply affected", "singlevaluelist", true, [
          ["water", "\u4F9B\u6C34"],
          ["power", "\u4F9B\u7535"],
          ["gas", "\u71C3\u6C14"],
          ["heating", "\u4F9B\u6696"]
        ]),
        attr("households_affected", 2, "\u53D7\u5F71\u54CD\u6237\u6570 / households affected", "number", false)
      ]
    }),
    cat("utilities.water", "\u4F9B\u6C34", "Water supply", { parent: "utilities" }),
    cat("utilities.power", "\u4F9B\u7535", "Power supply", { parent: "utilities" }),
    cat("utilities.gas", "\u71C3\u6C14", "Gas supply", { parent: "utilities", level: "community" }),
    cat("utilities.heating", "\u4F9B\u6696", "Heating", { parent: "utilities" }),
    cat("neighbour", "\u90BB\u91CC\u7EA0\u7EB7", "Neighbour disputes", {
      limits: disputeLimits,
      level: "compound",
      description: "mediated by the \u548C\u5BB6\u5DE5\u4F5C\u5BA4 volunteers inside the compound (\u5C0F\u4E8B\u4E0D\u51FA\u5C0F\u533A)",
      attributes: [attr("parties", 1, "\u5F53\u4E8B\u4EBA\u6237\u6570 / households involved", "number", true)]
    }),
    cat("neighbour.noise", "\u566A\u97F3\u6270\u6C11", "Noise", {
      parent: "neighbour",
      attributes: [
        attr("time_of_day", 2, "\u53D1\u751F\u65F6\u6BB5 / when it happens", "singlevaluelist", false, [
          ["day", "\u767D\u5929"],
          ["night", "\u591C\u95F4"]
        ])
      ]
    }),
    cat("neighbour.leak", "\u6E17\u6F0F\u6C34", "Water leaking between flats", { parent: "neighbour" }),
    cat("neighbour.pets", "\u5BA0\u7269\u9972\u517B", "Pets", { parent: "neighbour" }),
    cat("neighbour.space", "\u516C\u5171\u7A7A\u95F4\u5360\u7528", "Use of shared space", { parent: "neighbour" }),
    cat("family", "\u5BB6\u5EAD\u7EA0\u7EB7", "Family disputes", {
      limits: disputeLimits,
      level: "compound",
      description: "\u5BB6\u5EAD\u95EE\u9898 mediated by the \u548C\u5BB6\u5DE5\u4F5C\u5BA4 with the judges' room"
    }),
    cat("family.marriage", "\u5A5A\u59FB\u5BB6\u5EAD", "Marriage", { parent: "family" }),
    cat("family.support", "\u8D61\u517B\u629A\u517B", "Support of parents and children", { parent: "family" }),
    cat("family.inheritance", "\u7EE7\u627F\u6790\u4EA7", "Inheritance", { parent: "family", level: "community" }),
    cat("labour", "\u52B3\u52A8\u4E89\u8BAE", "Labour disputes", {
      limits: disputeLimits,
      level: "community",
      description: "\u52B3\u52A8\u4E89\u8BAE taken up by the judge volunteers; failed mediation is referred to arbitration or court"
    }),
    cat("labour.wages", "\u6B20\u85AA", "Unpaid wages", { parent: "labour" }),
    cat("labour.injury", "\u5DE5\u4F24", "Work injury", { parent: "labour" }),
    cat("facilities", "\u516C\u5171\u8BBE\u65BD", "Public facilities", { limits: generalLimits, level: "compound" }),
    cat("facilities.lift", "\u7535\u68AF", "Lifts", {
      parent: "facilities",
      attributes: [
        attr("building_lift", 1, "\u7535\u68AF\u7F16\u53F7 / lift number", "string", false),
        attr("trapped", 2, "\u662F\u5426\u6709\u4EBA\u88AB\u56F0 / is someone trapped", "singlevaluelist", true, yesNo)
      ]
    }),
    cat("facilities.lighting", "\u7167\u660E", "Lighting", { parent: "facilities", level: "micro-grid" }),
    cat("facilities.road", "\u9053\u8DEF\u4E0E\u4E95\u76D6", "Roads and manholes", { parent: "facilities", level: "community" }),
    cat("facilities.fitness", "\u5065\u8EAB\u4E0E\u4F11\u95F2\u8BBE\u65BD", "Fitness and leisure facilities", { parent: "facilities" }),
    cat("sanitation", "\u73AF\u5883\u536B\u751F", "Sanitation", { limits: generalLimits, level: "micro-grid" }),
    cat("sanitation.garbage", "\u5783\u573E\u6E05\u8FD0", "Refuse", { parent: "sanitation" }),
    cat("sanitation.pests", "\u75C5\u5A92\u9632\u6CBB", "Pests", { parent: "sanitation", level: "compound" }),
    cat("safety", "\u5B89\u5168\u9690\u60A3", "Safety hazards", { limits: generalLimits, level: "compound" }),
    cat("safety.fire", "\u6D88\u9632\u901A\u9053\u4E0E\u8BBE\u65BD", "Fire lanes and equipment", { parent: "safety" }),
    cat("safety.ebike", "\u7535\u52A8\u8F66\u8FDD\u89C4\u5145\u7535", "E-bike charging", { parent: "safety", level: "micro-grid" }),
    cat("safety.structure", "\u623F\u5C4B\u5B89\u5168", "Building safety", { parent: "safety", level: "community" }),
    cat("care", "\u4E00\u8001\u4E00\u5C0F\u670D\u52A1", "Services for the elderly and children", {
      limits: generalLimits,
      level: "community"
    }),
    cat("care.elderly", "\u517B\u8001\u52A9\u8001", "Elderly care", { parent: "care" }),
    cat("care.children", "\u513F\u7AE5\u5173\u7231", "Child care", {
      parent: "care",
      description: "anything about a child under 14 is sensitive (PIPL Art. 28); keep it in redacted fields"
    }),
    cat("proxy", "\u5E2E\u529E\u4EE3\u529E", "Proxy services", {
      limits: generalLimits,
      level: "micro-grid",
      description: "errands the micro-grid workers run for residents during door-knocking visits (\u6572\u95E8\u884C\u52A8)"
    }),
    cat("proxy.social-security", "\u793E\u4FDD\u533B\u4FDD\u4EE3\u529E", "Social and medical insurance", { parent: "proxy" }),
    cat("proxy.certificate", "\u8BC1\u660E\u4EE3\u529E", "Certificates", { parent: "proxy" }),
    cat("proxy.subsidy", "\u8865\u8D34\u7533\u9886", "Subsidy applications", { parent: "proxy", level: "community" }),
    cat("policy", "\u653F\u7B56\u54A8\u8BE2", "Policy questions", { limits: generalLimits, level: "community" }),
    cat("other", "\u5176\u4ED6", "Other", { limits: generalLimits, level: "community" })
  ]
});
var extensionPoint2 = extensionPoint({
  id: "case.categories",
  description: "case categories (\u4E8B\u9879\u7C7B\u522B) with time limits, handling level and intake fields, keyed by code",
  schema: Category,
  key: (c) => c.code
});
var defaultContribution = contribute(extensionPoint2, defaultCatalogue.categories);
var fromRegistry = (registry) => new Catalogue({ categories: registry.values(extensionPoint2) });

// packages/core/src/case/Case.ts
var Kind = Schema14.Literal("request", "dispute", "incident", "proxy-service");
var Source2 = Schema14.Literal("door-knocking", "hotline-12345", "walk-in", "online", "deliberation", "patrol");
var Priority = Schema14.Literal("emergency", "urgent", "normal");
var Severity2 = Schema14.Literal("minor", "major", "critical");
var Status = Schema14.Literal(
  "reported",
  "accepted",
  "dispatched",
  "in-progress",
  "resolved",
  "verified",
  "closed",
  "rejected",
  "withdrawn",
  "ledger"
);
var Closure = Schema14.Literal("fixed", "not-fixed");
var Satisfaction = Schema14.Literal("satisfied", "basically-satisfied", "dissatisfied");
var Actor = class extends Schema14.Class("@zhili/CaseActor")({
  role: Schema14.Literal("resident", "grid-worker", "staff", "mediator", "judge", "meeting", "system"),
  id: Schema14.String.pipe(Schema14.minLength(1, { message: () => "an actor needs an id" }))
}) {
};
var system = new Actor({ role: "system", id: "system" });
var Reporter = Schema14.Union(
  Schema14.TaggedStruct("Anonymous", {}),
  Schema14.TaggedStruct("Identified", {
    name: SensitiveString,
    phone: Schema14.optional(SensitiveString),
    resident: Schema14.optional(ResidentId),
    household: Schema14.optional(HouseholdId)
  })
);
var Location = class extends Schema14.Class("@zhili/CaseLocation")({
  grid: GridId,
  building: Schema14.optional(BuildingId),
  gridPath: Schema14.optional(Schema14.Array(GridId))
}) {
};
var Assignee = class extends Schema14.Class("@zhili/CaseAssignee")({
  unit: OrgUnitId,
  person: Schema14.optional(PersonId)
}) {
};
var Due = class extends Schema14.Class("@zhili/CaseDue")({
  response: Schema14.optional(Schema14.DateTimeUtc),
  resolve: Schema14.optional(Schema14.DateTimeUtc)
}) {
};
var Intake = class extends Schema14.Class("@zhili/CaseIntake")({
  id: CaseId,
  tenant: TenantId,
  kind: Kind,
  category: CategoryCode,
  source: Source2,
  title: Schema14.String.pipe(Schema14.minLength(1, { message: () => "a case needs a title" })),
  description: Schema14.optional(Schema14.String),
  reporter: Schema14.optional(Reporter),
  location: Location,
  priority: Priority,
  severity: Severity2,
  complex: Schema14.optionalWith(Schema14.Boolean, { default: () => false }),
  attributes: Schema14.optionalWith(Schema14.Record({ key: Schema14.String, value: Schema14.String }), {
    default: () => ({})
  }),
  visit: Schema14.optional(VisitId),
  deliberation: Schema14.optional(DeliberationId)
}) {
};
var stamp = { at: Schema14.DateTimeUtc, by: Actor };
var reason = Schema14.String.pipe(Schema14.minLength(1, { message: () => "a reason is required" }));
var Reported = Schema14.TaggedStruct("Reported", { ...stamp, intake: Intake });
var Accepted = Schema14.TaggedStruct("Accepted", { ...stamp, level: Schema14.optional(HandlingLevel) });
var Rejected = Schema14.TaggedStruct("Rejected", { ...stamp, reason });
var Dispatched = Schema14.TaggedStruct("Dispatched", { ...stamp, to: Assignee });
var Started = Schema14.TaggedStruct("Started", { ...stamp });
var Returned = Schema14.TaggedStruct("Returned", { ...stamp, reason });
var ExtensionGranted = Schema14.TaggedStruct("ExtensionGranted", { ...stamp, extension: Duration2, reason });
var Escalated = Schema14.TaggedStruct("Escalated", {
  ...stamp,
  to: HandlingLevel,
  reason: Schema14.Literal("overdue", "severity", "assignee-request", "resident-request")
});
var Resolved = Schema14.TaggedStruct("Resolved", { ...stamp, fixed: Schema14.Boolean, summary: reason });
var Verified = Schema14.TaggedStruct("Verified", { ...stamp });
var Reopened = Schema14.TaggedStruct("Reopened", {
  ...stamp,
  reason: Schema14.Literal("verification-failed", "dissatisfied"),
  note: Schema14.optional(Schema14.String)
});
var Closed = Schema14.TaggedStruct("Closed", { ...stamp, fixed: Schema14.Boolean });
var Withdrawn = Schema14.TaggedStruct("Withdrawn", { ...stamp, reason: Schema14.optional(Schema14.String) });
var Shelved = Schema14.TaggedStruct("Shelved", {
  ...stamp,
  reason,
  reviewOn: Schema14.optional(Schema14.DateTimeUtc)
});
var Unshelved = Schema14.TaggedStruct("Unshelved", { ...stamp });
var Rated = Schema14.TaggedStruct("Rated", {
  ...stamp,
  satisfaction: Satisfaction,
  comment: Schema14.optional(Schema14.String)
});
var Event = Schema14.Union(
  Reported,
  Accepted,
  Rejected,
  Dispatched,
  Started,
  Returned,
  ExtensionGranted,
  Escalated,
  Resolved,
  Verified,
  Reopened,
  Closed,
  Withdrawn,
  Shelved,
  Unshelved,
  Rated
);
var Case = class extends Schema14.Class("@zhili/Case")({
  id: CaseId,
  tenant: TenantId,
  intake: Intake,
  status: Status,
  level: HandlingLevel,
  assignee: Schema14.optional(Assignee),
  due: Due,
  reportedAt: Schema14.DateTimeUtc,
  respondedAt: Schema14.optional(Schema14.DateTimeUtc),
  acceptedAt: Schema14.optional(Schema14.DateTimeUtc),
  resolvedAt: Schema14.optional(Schema14.DateTimeUtc),
  closedAt: Schema14.optional(Schema14.DateTimeUtc),
  closure: Schema14.optional(Closure),
  resolvedFixed: Schema14.optional(Schema14.Boolean),
  satisfaction: Schema14.optional(Satisfaction),
  reopenCount: Schema14.NonNegativeInt,
  extensionCount: Schema14.NonNegativeInt,
  escalationCount: Schema14.NonNegativeInt,
  returnCount: Schema14.NonNegativeInt,
  history: Schema14.NonEmptyArray(Event),
  version: Schema14.Int
}) {
};
var scopeLocation = (self, orgPath) => {
  const grid = self.intake.location.gridPath ?? [self.intake.location.grid];
  const unit = self.assignee?.unit;
  return unit !== void 0 && orgPath !== void 0 ? { division: self.tenant, grid, org: orgPath(unit) } : { division: self.tenant, grid };
};
var makePolicy = (options2) => {
  const catalogue = options2.catalogue ?? defaultCatalogue;
  return {
    catalogue,
    clock: options2.clock,
    requiredLevel: options2.requiredLevel ?? ((category) => Option4.getOrElse(levelOf(catalogue, category), () => "community")),
    emergency: options2.emergency ?? emergencyLimits,
    maxExtensions: options2.maxExtensions ?? 2
  };
};
var IllegalTransition = class extends Schema14.TaggedError()("IllegalTransition", {
  caseId: Schema14.String,
  from: Schema14.Union(Status, Schema14.Literal("none")),
  event: Schema14.String,
  to: Schema14.optional(Status),
  reason: Schema14.String
}) {
  get message() {
    const to2 = this.to === void 0 ? "" : ` \u2192 ${this.to}`;
    return `case ${this.caseId}: ${this.event} (${this.from}${to2}) is not allowed: ${this.reason}`;
  }
};
var targets = {
  Accepted: { reported: "accepted" },
  Rejected: { reported: "rejected" },
  Dispatched: { accepted: "dispatched" },
  Started: { dispatched: "in-progress" },
  Returned: { dispatched: "accepted", "in-progress": "accepted" },
  ExtensionGranted: { accepted: "accepted", dispatched: "dispatched", "in-progress": "in-progress" },
  Escalated: { reported: "reported", accepted: "accepted", dispatched: "accepted", "in-progress": "accepted" },
  Resolved: { "in-progress": "resolved" },
  Verified: { resolved: "verified" },
  Reopened: { resolved: "dispatched", closed: "dispatched" },
  Closed: { verified: "closed", ledger: "closed" },
  Withdrawn: {
    reported: "withdrawn",
    accepted: "withdrawn",
    dispatched: "withdrawn",
    "in-progress": "withdrawn",
    ledger: "withdrawn"
  },
  Shelved: { accepted: "ledger", dispatched: "ledger", "in-progress": "ledger", resolved: "ledger" },
  Unshelved: { ledger: "accepted" },
  Rated: { closed: "closed" }
};
var allowedEvents = (status) => Object.keys(targets).filter((tag) => targets[tag][status] !== void 0);
var describeFrom = (tag) => {
  const from2 = tag === "Reported" ? [] : Object.keys(targets[tag]);
  return from2.length === 0 ? "only as the first event" : `only from ${from2.join(", ")}`;
};
var limitsFor = (intake, policy) => intake.priority === "emergency" ? Either6.right(policy.emergency) : Option4.match(limitsOf(policy.catalogue, intake.category), {
  onNone: () => Either6.left(`category ${intake.category} is not in the catalogue or has no time limits`),
  onSome: Either6.right
});
var resolveLimit = (intake, limits) => intake.complex && limits.resolveComplex !== void 0 ? limits.resolveComplex : limits.resolve;
var clockError = (e) => `the deadline cannot be computed (${e.message})`;
var trusted = { disableValidation: true };
var open = (event, policy) => {
  const intake = event.intake;
  const fail = (why) => Either6.left(
    new IllegalTransition({ caseId: intake.id, from: "none", event: "Reported", to: "reported", reason: why })
  );
  const limits = limitsFor(intake, policy);
  if (Either6.isLeft(limits)) return fail(limits.left);
  const response = policy.clock(event.at, limits.right.response);
  if (Either6.isLeft(response)) return fail(clockError(response.left));
  return Either6.right(
    new Case({
      id: intake.id,
      tenant: intake.tenant,
      intake,
      status: "reported",
      level: policy.requiredLevel(intake.category, intake.severity),
      due: new Due({ response: response.right }),
      reportedAt: event.at,
      reopenCount: 0,
      extensionCount: 0,
      escalationCount: 0,
      returnCount: 0,
      history: [event],
      version: 1
    }, trusted)
  );
};
var transition = (self, event, policy) => {
  const tag = event._tag;
  const to2 = tag === "Reported" ? void 0 : targets[tag][self.status];
  const fail = (reason2) => Either6.left(
    new IllegalTransition({
      caseId: self.id,
      from: self.status,
      event: tag,
      ...to2 === void 0 ? {} : { to: to2 },
      reason: reason2
    })
  );
  if (to2 === void 0 || event._tag === "Reported") {
    return fail(`${tag} is not allowed while ${self.status}; it applies ${describeFrom(tag)}`);
  }
  const last = Arr.lastNonEmpty(self.history);
  if (DateTime5.lessThan(event.at, last.at)) {
    return fail(`it is dated ${DateTime5.formatIso(event.at)}, before the last event at ${DateTime5.formatIso(last.at)}`);
  }
  const limitsE = limitsFor(self.intake, policy);
  if (Either6.isLeft(limitsE)) return fail(limitsE.left);
  const limits = limitsE.right;
  const restart = (from2) => Either6.mapLeft(policy.clock(from2, resolveLimit(self.intake, limits)), clockError);
  const changes = {};
  switch (event._tag) {
    case "Accepted": {
      const required = policy.requiredLevel(self.intake.category, self.intake.severity);
      const level = event.level ?? self.level;
      if (levelRank(level) < levelRank(required)) {
        return fail(
          `a ${self.intake.severity} ${self.intake.category} case must be handled at ${required} or above, not ${level}`
        );
      }
      const due = restart(event.at);
      if (Either6.isLeft(due)) return fail(due.left);
      Object.assign(changes, {
        level,
        acceptedAt: event.at,
        respondedAt: event.at,
        due: new Due({ ...self.due, resolve: due.right })
      });
      break;
    }
    case "Rejected":
      changes.respondedAt = event.at;
      break;
    case "Dispatched":
      changes.assignee = event.to;
      break;
    case "Returned":
      changes.assignee = void 0;
      changes.returnCount = self.returnCount + 1;
      break;
    case "ExtensionGranted": {
      if (self.extensionCount >= policy.maxExtensions) {
        return fail(`the case already had ${self.extensionCount} extension(s), the most the policy allows`);
      }
      const base = self.due.resolve;
      if (base === void 0) return fail("the case has no resolve deadline to extend");
      const due = policy.clock(base, event.extension);
      if (Either6.isLeft(due)) return fail(clockError(due.left));
      changes.due = new Due({ ...self.due, resolve: due.right });
      changes.extensionCount = self.extensionCount + 1;
      break;
    }
    case "Escalated": {
      if (levelRank(event.to) <= levelRank(self.level)) {
        return fail(`escalation must go above ${self.level}, not to ${event.to}`);
      }
      changes.level = event.to;
      changes.assignee = void 0;
      changes.escalationCount = self.escalationCount + 1;
      if (self.status !== "reported") {
        const due = restart(event.at);
        if (Either6.isLeft(due)) return fail(due.left);
        changes.due = new Due({ ...self.due, resolve: due.right });
      }
      break;
    }
    case "Resolved":
      changes.resolvedAt = event.at;
      changes.resolvedFixed = event.fixed;
      break;
    case "Reopened": {
      if (event.reason === "verification-failed" && self.status !== "resolved") {
        return fail("a failed verification reopens a resolved case, not a closed one");
      }
      if (event.reason === "dissatisfied" && self.status !== "closed") {
        return fail("dissatisfaction reopens a closed case; a resolved case fails verification instead");
      }
      if (self.assignee === void 0) return fail("the case has no assignee to send it back to");
      const due = restart(event.at);
      if (Either6.isLeft(due)) return fail(due.left);
      Object.assign(changes, {
        due: new Due({ ...self.due, resolve: due.right }),
        reopenCount: self.reopenCount + 1,
        closure: void 0,
        closedAt: void 0,
        resolvedAt: void 0,
        resolvedFixed: void 0,
        satisfaction: void 0
      });
      break;
    }
    case "Closed": {
      if (self.status === "ledger" && event.fixed) {
        return fail("a case on the problem ledger can only close as not fixed; take it off the ledger to fix it");
      }
      if (self.status === "verified" && event.fixed !== self.resolvedFixed) {
        return fail(`the verified feedback says ${self.resolvedFixed ? "fixed" : "not fixed"}; close it the same way`);
      }
      changes.closedAt = event.at;
      changes.closure = event.fixed ? "fixed" : "not-fixed";
      break;
    }
    case "Shelved":
      changes.due = new Due({ ...self.due.response === void 0 ? {} : { response: self.due.response } });
      break;
    case "Unshelved": {
      const due = restart(event.at);
      if (Either6.isLeft(due)) return fail(due.left);
      changes.due = new Due({ ...self.due, resolve: due.right });
      break;
    }
    case "Rated":
      changes.satisfaction = event.satisfaction;
      break;
    case "Started":
    case "Verified":
    case "Withdrawn":
      break;
  }
  const next = {
    ...self,
    ...changes,
    status: to2,
    history: [...self.history, event],
    version: self.version + 1
  };
  for (const k of Object.keys(next)) if (next[k] === void 0) delete next[k];
  return Either6.right(new Case(next, { disableValidation: true }));
};
var fold = (events, policy) => {
  const [first, ...rest] = events;
  if (first === void 0 || first._tag !== "Reported") {
    return Either6.left(
      new IllegalTransition({
        caseId: "unknown",
        from: "none",
        event: first?._tag ?? "nothing",
        reason: "a history must start with Reported"
      })
    );
  }
  let acc = open(first, policy);
  for (const e of rest) {
    if (Either6.isLeft(acc)) return acc;
    acc = transition(acc.right, e, policy);
  }
  return acc;
};
var applyAll = (self, events, policy) => {
  let current = self;
  const refused = [];
  for (const e of events) {
    const r = transition(current, e, policy);
    if (Either6.isRight(r)) current = r.right;
    else refused.push(r.left);
  }
  return { case: current, refused };
};
var decode2 = (input, policy) => {
  const decoded = Schema14.decodeUnknownEither(Case, { errors: "all" })(input);
  if (Either6.isLeft(decoded)) return Either6.left(toDecodeError("Case", decoded.left));
  const stored = decoded.right;
  const folded = fold(stored.history, policy);
  if (Either6.isLeft(folded)) return folded;
  const a = Schema14.encodeSync(Case)(folded.right);
  const b = Schema14.encodeSync(Case)(stored);
  const diff = Object.keys({ ...a, ...b }).filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])
  );
  return diff.length === 0 ? Either6.right(stored) : Either6.left(
    new DecodeError({
      subject: `Case ${stored.id}`,
      issues: diff.map(
        (k) => new DecodeIssue({ path: [k], message: "does not match what the event history gives" })
      )
    })
  );
};
var isFinal = (self) => self.status === "closed" || self.status === "rejected" || self.status === "withdrawn";
var isOverdue3 = (self, at) => {
  const due = runningDue(self);
  return due !== void 0 && isOverdue2(due, at);
};
var runningDue = (self) => self.status === "reported" ? self.due.response : self.status === "accepted" || self.status === "dispatched" || self.status === "in-progress" ? self.due.resolve : void 0;
var nextLevel = (self) => levelAbove(self.level);
var originalDue = (self, policy) => {
  const accepted = self.history.find((e) => e._tag === "Accepted");
  if (accepted === void 0) return void 0;
  return Either6.getOrUndefined(
    Either6.flatMap(limitsFor(self.intake, policy), (l) => policy.clock(accepted.at, resolveLimit(self.intake, l)))
  );
};
var firstAt = (self, tag) => self.history.find((e) => e._tag === tag)?.at;
var validate4 = (self, policy) => {
  const out = [];
  const bad = (code, path, message) => out.push(error(`case/${code}`, path, `case ${self.id}: ${message}`));
  if (self.status === "closed" && (self.closure === void 0 || self.closedAt === void 0)) {
    bad("closed-without-closure", ["closure"], "closed without saying whether it was fixed");
  }
  if (self.status !== "closed" && self.closure !== void 0) {
    bad("closure-while-open", ["closure"], `has a closure while ${self.status}`);
  }
  const handling = self.status === "accepted" || self.status === "dispatched" || self.status === "in-progress";
  if (handling && self.due.resolve === void 0)
    bad("no-deadline", ["due", "resolve"], `${self.status} without a resolve deadline`);
  if (self.status === "ledger" && self.due.resolve !== void 0)
    bad("deadline-on-ledger", ["due", "resolve"], "on the ledger with a running deadline");
  const needsAssignee = ["dispatched", "in-progress", "resolved", "verified"].includes(self.status);
  if (needsAssignee && self.assignee === void 0)
    bad("no-assignee", ["assignee"], `${self.status} without an assignee`);
  const required = policy.requiredLevel(self.intake.category, self.intake.severity);
  if (levelRank(self.level) < levelRank(required))
    bad("level-too-low", ["level"], `handled at ${self.level}, below ${required}`);
  const count = (tag) => self.history.filter((e) => e._tag === tag).length;
  if (count("Reopened") !== self.reopenCount)
    bad("count-mismatch", ["reopenCount"], "reopen count disagrees with the history");
  if (count("ExtensionGranted") !== self.extensionCount)
    bad("count-mismatch", ["extensionCount"], "extension count disagrees with the history");
  if (count("Escalated") !== self.escalationCount)
    bad("count-mismatch", ["escalationCount"], "escalation count disagrees with the history");
  if (self.extensionCount > policy.maxExtensions)
    bad("too-many-extensions", ["extensionCount"], "more extensions than the policy allows");
  if (self.history[0]._tag !== "Reported" || count("Reported") !== 1)
    bad("history-start", ["history", 0], "history must start with the one Reported event");
  for (let i = 1; i < self.history.length; i++) {
    const prev = self.history[i - 1];
    const cur = self.history[i];
    if (prev !== void 0 && cur !== void 0 && DateTime5.lessThan(cur.at, prev.at)) {
      bad("history-order", ["history", i], "events out of time order");
      break;
    }
  }
  if (self.version !== self.history.length) bad("version", ["version"], "version must equal the number of events");
  return out;
};

// packages/core/src/case/Escalation.ts
var Escalation_exports = {};
__export(Escalation_exports, {
  Ladder: () => Ladder,
  Settled: () => Settled,
  defaultLadder: () => defaultLadder,
  escalateOverdue: () => escalateOverdue,
  overdueEscalation: () => overdueEscalation,
  requiredLevel: () => requiredLevel,
  settledShares: () => settledShares
});
import { Either as Either7, Option as Option5, Schema as Schema16 } from "effect";

// packages/core/src/case/Metrics.ts
var Metrics_exports = {};
__export(Metrics_exports, {
  Period: () => Period3,
  Ranked: () => Ranked,
  Rate: () => Rate,
  SatisfactionScale: () => SatisfactionScale,
  Summary: () => Summary,
  Weights: () => Weights,
  bottom: () => bottom,
  closingRate: () => closingRate,
  contains: () => contains,
  defaultSatisfactionScale: () => defaultSatisfactionScale,
  defaultWeights: () => defaultWeights,
  dueAndDeferred: () => dueAndDeferred,
  extensionRate: () => extensionRate,
  month: () => month,
  monthlyRanking: () => monthlyRanking,
  months: () => months,
  onTimeClosingRate: () => onTimeClosingRate,
  rank: () => rank2,
  rate: () => rate,
  resolutionRate: () => resolutionRate,
  responseRate: () => responseRate,
  reworkRate: () => reworkRate,
  satisfactionRate: () => satisfactionRate,
  score: () => score2,
  summarize: () => summarize,
  top: () => top
});
import { DateTime as DateTime6, Schema as Schema15 } from "effect";
var Rate = class extends Schema15.Class("@zhili/Rate")({
  numerator: Schema15.NonNegative,
  denominator: Schema15.NonNegativeInt,
  value: Schema15.NullOr(Schema15.Number)
}) {
};
var rate = (numerator, denominator) => new Rate({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
var Period3 = class extends Schema15.Class("@zhili/Period")({
  from: Schema15.DateTimeUtc,
  to: Schema15.DateTimeUtc
}) {
};
var month = (year2, monthNumber, timeZone = "Asia/Shanghai") => {
  const start = DateTime6.unsafeMakeZoned({ year: year2, month: monthNumber, day: 1 }, { timeZone, adjustForTimeZone: true });
  return new Period3({ from: DateTime6.toUtc(start), to: DateTime6.toUtc(DateTime6.add(start, { months: 1 })) });
};
var months = (from2, to2, timeZone = "Asia/Shanghai") => new Period3({ from: month(from2.year, from2.month, timeZone).from, to: month(to2.year, to2.month, timeZone).to });
var contains = (period3, at) => at.epochMillis >= period3.from.epochMillis && at.epochMillis < period3.to.epochMillis;
var Weights = class extends Schema15.Class("@zhili/CaseMetricWeights")({
  response: Schema15.NonNegative,
  resolution: Schema15.NonNegative,
  satisfaction: Schema15.NonNegative,
  source: Schema15.String
}) {
};
var defaultWeights = new Weights({
  response: 0.3,
  resolution: 0.35,
  satisfaction: 0.35,
  source: "one county's 30/35/35 (STANDARDS.md: open); default to be replaced"
});
var SatisfactionScale = class extends Schema15.Class("@zhili/SatisfactionScale")({
  satisfied: Schema15.Number,
  "basically-satisfied": Schema15.Number,
  dissatisfied: Schema15.Number,
  source: Schema15.String
}) {
};
var defaultSatisfactionScale = new SatisfactionScale({
  satisfied: 1,
  "basically-satisfied": 1,
  dissatisfied: 0,
  source: "default to be replaced (no source fixes the weight of \u57FA\u672C\u6EE1\u610F)"
});
var scoped = (cases3, options2) => options2.scope === void 0 ? cases3 : cases3.filter(options2.scope);
var closedIn = (cases3, period3) => cases3.filter((c) => c.status === "closed" && c.closedAt !== void 0 && contains(period3, c.closedAt));
var responseRate = (cases3, period3, options2) => {
  const reported = scoped(cases3, options2).filter((c) => contains(period3, c.reportedAt));
  const onTime = reported.filter(
    (c) => c.respondedAt !== void 0 && (c.due.response === void 0 || c.respondedAt.epochMillis <= c.due.response.epochMillis)
  );
  return rate(onTime.length, reported.length);
};
var resolutionRate = (cases3, period3, options2) => {
  const closed = closedIn(scoped(cases3, options2), period3);
  return rate(closed.filter((c) => c.closure === "fixed").length, closed.length);
};
var satisfactionRate = (cases3, period3, options2) => {
  const scale2 = options2.satisfaction ?? defaultSatisfactionScale;
  const rated = closedIn(scoped(cases3, options2), period3).filter((c) => c.satisfaction !== void 0);
  return rate(
    rated.reduce((s, c) => s + (c.satisfaction === void 0 ? 0 : scale2[c.satisfaction]), 0),
    rated.length
  );
};
var score2 = (rates, weights = defaultWeights) => {
  const parts = ["response", "resolution", "satisfaction"].flatMap(
    (k) => rates[k].value === null ? [] : [[weights[k], rates[k].value]]
  );
  const total = parts.reduce((s, [w]) => s + w, 0);
  if (parts.length === 0 || total === 0) return null;
  return Math.round(parts.reduce((s, [w, v]) => s + w * v, 0) / total * 100 * 1e6) / 1e6;
};
var dueAndDeferred = (cases3, period3, options2) => {
  const due = scoped(cases3, options2).filter((c) => {
    const d = originalDue(c, options2.policy);
    return d !== void 0 && contains(period3, d);
  });
  const deferred = due.filter(
    (c) => c.history.some(
      (e) => (e._tag === "ExtensionGranted" || e._tag === "Shelved") && e.at.epochMillis < period3.to.epochMillis
    )
  );
  return { due, deferred };
};
var closingRate = (cases3, period3, options2) => {
  const { deferred, due } = dueAndDeferred(cases3, period3, options2);
  const base = due.filter((c) => !deferred.includes(c));
  return rate(base.filter((c) => closedBy(c, period3)).length, base.length);
};
var onTimeClosingRate = (cases3, period3, options2) => {
  const { deferred, due } = dueAndDeferred(cases3, period3, options2);
  const base = due.filter((c) => !deferred.includes(c));
  const onTime = base.filter((c) => {
    if (!closedBy(c, period3)) return false;
    const original = originalDue(c, options2.policy);
    const reversed = [...c.history].reverse();
    const feedback = reversed.find((e) => e._tag === "Resolved") ?? reversed.find((e) => e._tag === "Closed");
    return original !== void 0 && feedback !== void 0 && feedback.at.epochMillis <= original.epochMillis;
  });
  return rate(onTime.length, base.length);
};
var closedBy = (c, period3) => c.status === "closed" && c.closedAt !== void 0 && c.closedAt.epochMillis < period3.to.epochMillis;
var reworkRate = (cases3, period3, options2) => {
  const closed = closedIn(scoped(cases3, options2), period3);
  return rate(closed.filter((c) => c.reopenCount > 0).length, closed.length);
};
var extensionRate = (cases3, period3, options2) => {
  const accepted = scoped(cases3, options2).filter((c) => c.acceptedAt !== void 0 && contains(period3, c.acceptedAt));
  return rate(accepted.filter((c) => c.extensionCount > 0).length, accepted.length);
};
var Summary = class extends Schema15.Class("@zhili/CaseMetricsSummary")({
  period: Period3,
  reported: Schema15.NonNegativeInt,
  closed: Schema15.NonNegativeInt,
  closedFixed: Schema15.NonNegativeInt,
  closedNotFixed: Schema15.NonNegativeInt,
  response: Rate,
  resolution: Rate,
  satisfaction: Rate,
  score: Schema15.NullOr(Schema15.Number),
  closing: Rate,
  onTimeClosing: Rate,
  rework: Rate,
  extension: Rate
}) {
};
var summarize = (cases3, period3, options2) => {
  const inScope = scoped(cases3, options2);
  const closed = closedIn(inScope, period3);
  const response = responseRate(cases3, period3, options2);
  const resolution = resolutionRate(cases3, period3, options2);
  const satisfaction = satisfactionRate(cases3, period3, options2);
  return new Summary({
    period: period3,
    reported: inScope.filter((c) => contains(period3, c.reportedAt)).length,
    closed: closed.length,
    closedFixed: closed.filter((c) => c.closure === "fixed").length,
    closedNotFixed: closed.filter((c) => c.closure === "not-fixed").length,
    response,
    resolution,
    satisfaction,
    score: score2({ response, resolution, satisfaction }, options2.weights),
    closing: closingRate(cases3, period3, options2),
    onTimeClosing: onTimeClosingRate(cases3, period3, options2),
    rework: reworkRate(cases3, period3, options2),
    extension: extensionRate(cases3, period3, options2)
  });
};
var Ranked = class extends Schema15.Class("@zhili/Ranked")({
  unit: Schema15.String,
  score: Schema15.NullOr(Schema15.Number),
  rank: Schema15.NullOr(Schema15.Int)
}) {
};
var rank2 = (entries) => {
  const scored = entries.filter((e) => e.score !== null).map((e, i) => ({ ...e, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const out = [];
  scored.forEach((e, i) => {
    const prev = out[i - 1];
    const r = prev !== void 0 && prev.score === e.score ? prev.rank : i + 1;
    out.push(new Ranked({ unit: e.unit, score: e.score, rank: r }));
  });
  for (const e of entries) if (e.score === null) out.push(new Ranked({ unit: e.unit, score: null, rank: null }));
  return out;
};
var top = (ranking, n) => {
  const ranked = ranking.filter((r) => r.rank !== null);
  const cut = ranked[n - 1];
  return n <= 0 ? [] : cut === void 0 ? ranked : ranked.filter((r) => (r.rank ?? 0) <= (cut.rank ?? 0));
};
var bottom = (ranking, n) => {
  const ranked = ranking.filter((r) => r.rank !== null).reverse();
  const cut = ranked[n - 1];
  return n <= 0 ? [] : cut === void 0 ? ranked : ranked.filter((r) => (r.score ?? 0) <= (cut.score ?? 0));
};
var monthlyRanking = (cases3, period3, unitOf, options2) => {
  const byUnit = /* @__PURE__ */ new Map();
  for (const u of options2.units ?? []) byUnit.set(u, []);
  for (const c of scoped(cases3, options2)) {
    const u = unitOf(c);
    if (u !== void 0) byUnit.set(u, [...byUnit.get(u) ?? [], c]);
  }
  const plain = {
    policy: options2.policy,
    ...options2.satisfaction ? { satisfaction: options2.satisfaction } : {}
  };
  return rank2(
    [...byUnit].map(([unit, cs]) => ({
      unit,
      score: score2(
        {
          response: responseRate(cs, period3, plain),
          resolution: resolutionRate(cs, period3, plain),
          satisfaction: satisfactionRate(cs, period3, plain)
        },
        options2.weights
      )
    }))
  );
};

// packages/core/src/case/Escalation.ts
var Ladder = class extends Schema16.Class("@zhili/EscalationLadder")({
  floors: Schema16.Struct({ minor: HandlingLevel, major: HandlingLevel, critical: HandlingLevel }),
  source: Schema16.String
}) {
};
var defaultLadder = new Ladder({
  floors: { minor: "micro-grid", major: "community", critical: "street" },
  source: "seed: \u5C0F\u4E8B\u4E0D\u51FA\u5C0F\u533A\u3001\u5927\u4E8B\u4E0D\u51FA\u793E\u533A; critical \u2192 street is a default to be replaced"
});
var requiredLevel = (ladder, catalogue) => (category, severity) => maxLevel(
  Option5.getOrElse(levelOf(catalogue, category), () => "community"),
  ladder.floors[severity]
);
var overdueEscalation = (self, at) => isOverdue3(self, at) ? Option5.map(
  levelAbove(self.level),
  (to2) => ({ _tag: "Escalated", at, by: system, to: to2, reason: "overdue" })
) : Option5.none();
var escalateOverdue = (cases3, at, policy) => cases3.map(
  (c) => Option5.match(overdueEscalation(c, at), {
    onNone: () => c,
    onSome: (e) => Either7.getOrElse(transition(c, e, policy), () => c)
  })
);
var Settled = class extends Schema16.Class("@zhili/SettledShares")({
  closed: Schema16.NonNegativeInt,
  inCompound: Rate,
  inCommunity: Rate
}) {
};
var settledShares = (cases3, period3, scope = () => true) => {
  const closed = cases3.filter((c) => scope(c) && c.closedAt !== void 0 && contains(period3, c.closedAt));
  const atMost = (level) => closed.filter((c) => levelRank(c.level) <= levelRank(level)).length;
  return new Settled({
    closed: closed.length,
    inCompound: rate(atMost("compound"), closed.length),
    inCommunity: rate(atMost("community"), closed.length)
  });
};

// packages/core/src/grid/Grid.ts
var Grid_exports = {};
__export(Grid_exports, {
  Grid: () => Grid,
  Level: () => Level,
  coverage: () => coverage,
  defaultLeaderPolicy: () => defaultLeaderPolicy,
  leaderAssignment: () => leaderAssignment,
  location: () => location3,
  microGridByBuilding: () => microGridByBuilding,
  pathOf: () => pathOf,
  rollup: () => rollup
});
import { Schema as Schema20 } from "effect";

// packages/core/src/org/internal/codes.ts
import { Schema as Schema17 } from "effect";
var DivisionCodeString = Schema17.String.pipe(
  Schema17.pattern(/^(\d{6}|\d{9}|\d{12})$/, {
    message: () => "a division code has 6, 9 or 12 digits (county, township, village level)"
  })
);
var CommunityCodeString = Schema17.String.pipe(
  Schema17.pattern(/^\d{9}(0\d\d|1\d\d)$/, {
    message: () => "a community code has 12 digits and a village-level part 001\u2013199 (residents' committee)"
  })
);
var CreditCodeString = Schema17.String.pipe(
  Schema17.pattern(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: () => "a unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z"
  })
);
var GridCodeString = Schema17.String.pipe(
  Schema17.pattern(/^(\d{15}|\d{20})$/, {
    message: () => "a grid code has 15 digits (unit grid) or 20 digits (community grid, CJ/T 349-2010)"
  })
);
var communityOfGridCode = (code) => code.length === 15 ? code.slice(0, 12) : code.slice(6, 18);

// packages/core/src/org/Membership.ts
import { Schema as Schema18 } from "effect";
var Role = Schema18.Literal("secretary", "deputy-secretary", "committee-member", "member");
var Standing = Schema18.Literal("full", "probationary");
var Membership = class extends Schema18.Class("@zhili/Membership")({
  id: MembershipId,
  tenant: TenantId,
  person: PersonId,
  unit: OrgUnitId,
  role: Role,
  standing: Standing,
  start: LocalDate,
  end: Schema18.optional(LocalDate)
}) {
};
var isActive = (m, on) => m.start <= on && (m.end === void 0 || on <= m.end);
var CompositionPolicy = class extends Schema18.Class("@zhili/CompositionPolicy")({
  /** Full members needed to form a branch (Art. 4: 3). */
  minMembers: Schema18.NonNegativeInt,
  /** A branch generally has at most this many members (Art. 4: 50). */
  maxBranchMembers: Schema18.NonNegativeInt,
  /** From this many full members a branch elects a committee (7). */
  committeeFrom: Schema18.NonNegativeInt,
  /** Usual committee size (3–5). */
  committeeMin: Schema18.NonNegativeInt,
  committeeMax: Schema18.NonNegativeInt,
  /** Committee size never exceeded (7). */
  committeeHardMax: Schema18.NonNegativeInt,
  /** From this many members a general branch fits (50, one source). */
  generalBranchFrom: Schema18.NonNegativeInt,
  /** From this many members a base committee fits (100, one source). */
  baseCommitteeFrom: Schema18.NonNegativeInt
}) {
};
var defaultCompositionPolicy = new CompositionPolicy({
  minMembers: 3,
  maxBranchMembers: 50,
  committeeFrom: 7,
  committeeMin: 3,
  committeeMax: 5,
  committeeHardMax: 7,
  generalBranchFrom: 50,
  baseCommitteeFrom: 100
});

// packages/core/src/org/Post.ts
import { Schema as Schema19 } from "effect";
var PostKind = Schema19.String.pipe(
  Schema19.pattern(/^([a-z][a-z0-9-]*:)?[a-z][a-z0-9-]*$/, {
    message: () => 'a post kind is lower-case words joined by "-"'
  }),
  Schema19.annotations({ identifier: "PostKind" })
);
var Post = class extends Schema19.Class("@zhili/Post")(
  Schema19.Struct({
    id: PostId,
    tenant: TenantId,
    kind: PostKind,
    title: Schema19.optional(Schema19.String),
    unit: Schema19.optional(OrgUnitId),
    grid: Schema19.optional(GridId),
    termYears: Schema19.optional(Schema19.Int.pipe(Schema19.between(1, 10)))
  }).pipe(
    Schema19.filter(
      (p) => p.unit !== void 0 || p.grid !== void 0 ? void 0 : { path: ["unit"], message: "a post belongs to a unit or a grid: give unit, grid or both" }
    )
  )
) {
};
var Holding = class extends Schema19.Class("@zhili/PostHolding")({
  id: MembershipId,
  tenant: TenantId,
  post: PostId,
  person: PersonId,
  start: LocalDate,
  end: Schema19.optional(LocalDate),
  termEnd: Schema19.optional(LocalDate)
}) {
};
var isActive2 = (h, on) => h.start <= on && (h.end === void 0 || on <= h.end);
var holderOn = (post, holdings, on) => holdings.filter((h) => h.post === post && isActive2(h, on)).sort((a, b) => compare(b.start, a.start))[0];
var CoveragePolicy = class extends Schema19.Class("@zhili/PostCoveragePolicy")({
  incompatible: Schema19.Array(Schema19.Struct({ a: PostKind, b: PostKind, source: Schema19.String }))
}) {
};
var defaultCoveragePolicy = new CoveragePolicy({
  incompatible: [
    { a: "mediator", b: "judge-volunteer", source: "default to be replaced" },
    { a: "property-steward", b: "building-backbone", source: "default to be replaced" }
  ]
});

// packages/core/src/grid/Grid.ts
var Level = Schema20.Literal("large", "small", "micro");
var Grid = class extends Schema20.Class("@zhili/Grid")({
  id: GridId,
  tenant: TenantId,
  level: Level,
  name: Schema20.NonEmptyTrimmedString,
  code: GridCodeString,
  community: CommunityCodeString,
  parent: Schema20.optional(GridId),
  buildings: Schema20.optionalWith(Schema20.Array(BuildingId), { default: () => [] }),
  leaderPost: Schema20.optional(PostId)
}) {
};
var parentLevel = { large: void 0, small: "large", micro: "small" };
var childLevel = { large: "small", small: "micro", micro: void 0 };
var coverage = (input) => {
  const findings = [];
  const byId = /* @__PURE__ */ new Map();
  for (const g of input.grids) {
    if (byId.has(g.id))
      findings.push(error("grid/duplicate-grid", ["grids", g.id], `grid ${g.id} is listed more than once`));
    else byId.set(g.id, g);
  }
  const grids2 = [...byId.values()];
  const codes = /* @__PURE__ */ new Map();
  const children2 = /* @__PURE__ */ new Map();
  for (const g of grids2) {
    const path = ["grids", g.id];
    const other = codes.get(g.code);
    if (other !== void 0)
      findings.push(
        error(
          "grid/duplicate-code",
          [...path, "code"],
          `grid ${g.id} has code ${g.code}, already used by ${other}`
        )
      );
    else codes.set(g.code, g.id);
    if (communityOfGridCode(g.code) !== g.community) {
      findings.push(
        error(
          "grid/code-outside-community",
          [...path, "code"],
          `grid ${g.id} has code ${g.code}, which does not lie in community ${g.community}`
        )
      );
    }
    if (input.community !== void 0 && g.community !== input.community) {
      findings.push(
        error(
          "grid/community-mismatch",
          [...path, "community"],
          `grid ${g.id} belongs to ${g.community}, not to community ${input.community}`
        )
      );
    }
    if (g.level !== "micro" && g.buildings.length > 0) {
      findings.push(
        error(
          "grid/buildings-above-micro",
          [...path, "buildings"],
          `${g.level} grid ${g.id} lists buildings; only micro grids cover buildings`
        )
      );
    }
    const expected = parentLevel[g.level];
    if (g.parent === void 0) {
      if (expected !== void 0)
        findings.push(
          error("grid/misplaced", [...path, "parent"], `${g.level} grid ${g.id} is in no ${expected} grid`)
        );
      continue;
    }
    const parent = byId.get(g.parent);
    if (parent === void 0) {
      findings.push(
        error(
          "grid/unknown-parent",
          [...path, "parent"],
          `grid ${g.id} names parent ${g.parent}, which is not among the grids`
        )
      );
      continue;
    }
    children2.set(parent.id, [...children2.get(parent.id) ?? [], g]);
    if (parent.level !== expected) {
      findings.push(
        error(
          "grid/misplaced",
          [...path, "parent"],
          expected === void 0 ? `large grid ${g.id} may not sit under ${parent.id}` : `${g.level} grid ${g.id} sits under ${parent.level} grid ${parent.id}, not a ${expected} grid`
        )
      );
    } else if (parent.community !== g.community) {
      findings.push(
        error(
          "grid/community-mismatch",
          [...path, "community"],
          `grid ${g.id} belongs to ${g.community} but its parent ${parent.id} to ${parent.community}`
        )
      );
    }
  }
  const buildings2 = new Map(input.buildings.map((b) => [b.id, b]));
  const claims = /* @__PURE__ */ new Map();
  for (const g of grids2) {
    if (g.level !== "micro") continue;
    g.buildings.forEach((b, i) => {
      const building = buildings2.get(b);
      if (building === void 0) {
        findings.push(
          error(
            "grid/unknown-building",
            ["grids", g.id, "buildings", i],
            `micro grid ${g.id} claims building ${b}, which is not in the registry`
          )
        );
        return;
      }
      if (building.community !== g.community) {
        findings.push(
          error(
            "grid/building-community",
            ["grids", g.id, "buildings", i],
            `building ${b} is in community ${building.community}, micro grid ${g.id} in ${g.community}`
          )
        );
      }
      const by = claims.get(b) ?? [];
      if (!by.includes(g.id)) claims.set(b, [...by, g.id]);
    });
  }
  for (const b of input.buildings) {
    const by = claims.get(b.id) ?? [];
    if (by.length === 0)
      findings.push(
        error("grid/uncovered-building", ["buildings", b.id], `building ${b.id} is in no micro grid`)
      );
    else if (by.length > 1)
      findings.push(
        error(
          "grid/overlapping-grids",
          ["buildings", b.id],
          `building ${b.id} is in several micro grids: ${by.join(", ")}`
        )
      );
  }
  for (const g of grids2) {
    const below = childLevel[g.level];
    const empty = below === void 0 ? g.buildings.length === 0 : (children2.get(g.id) ?? []).length === 0;
    if (empty)
      findings.push(
        warning(
          "grid/empty",
          ["grids", g.id],
          below === void 0 ? `micro grid ${g.id} covers no building` : `${g.level} grid ${g.id} has no ${below} grid`
        )
      );
  }
  return findings;
};
var pathOf = (grid, grids2) => {
  const byId = grids2 instanceof Map ? grids2 : new Map(grids2.map((g) => [g.id, g]));
  const path = [];
  let at = byId.get(grid);
  if (at === void 0) return [grid];
  while (at !== void 0 && !path.includes(at.id)) {
    path.unshift(at.id);
    at = at.parent === void 0 ? void 0 : byId.get(at.parent);
  }
  return path;
};
var location3 = (grid, grids2) => ({
  division: grid.community,
  grid: pathOf(grid.id, grids2)
});
var microGridByBuilding = (grids2) => {
  const out = /* @__PURE__ */ new Map();
  for (const g of grids2) if (g.level === "micro") {
    for (const b of g.buildings) if (!out.has(b)) out.set(b, g.id);
  }
  return out;
};
var rollup = (grids2, values, keys) => {
  const zero = () => Object.fromEntries(keys.map((k) => [k, 0]));
  const byId = new Map(grids2.map((g) => [g.id, g]));
  const out = new Map(grids2.map((g) => [g.id, zero()]));
  const communities2 = /* @__PURE__ */ new Map();
  for (const [id2, v] of values) {
    const grid = byId.get(id2);
    if (grid === void 0) continue;
    for (const at of pathOf(grid.id, byId)) {
      const acc = out.get(at) ?? zero();
      for (const k of keys) acc[k] += v[k];
      out.set(at, acc);
    }
    const c = communities2.get(grid.community) ?? zero();
    for (const k of keys) c[k] += v[k];
    communities2.set(grid.community, c);
  }
  return { grids: out, communities: communities2 };
};
var defaultLeaderPolicy = {
  large: {
    requirement: { _tag: "UnitRole", unitKind: "compound-branch", roles: ["secretary"] },
    source: "seed (\u5C0F\u533A\u515A\u652F\u90E8\u4E66\u8BB0\u62C5\u4EFB\u5927\u7F51\u683C\u957F)"
  },
  small: { requirement: { _tag: "Post", postKind: "property-steward" }, source: "seed (\u7269\u4E1A\u7BA1\u5BB6\u62C5\u4EFB\u5C0F\u7F51\u683C\u957F)" },
  micro: { requirement: { _tag: "Post", postKind: "building-backbone" }, source: "seed (\u515A\u5458\u697C\u680B\u9AA8\u5E72\u62C5\u4EFB\u5FAE\u7F51\u683C\u957F)" }
};
var leaderAssignment = (input, on, policy = defaultLeaderPolicy) => {
  const posts = new Map(input.posts.map((p) => [p.id, p]));
  const units = new Map(input.units.map((u) => [u.id, u]));
  const byId = new Map(input.grids.map((g) => [g.id, g]));
  const activeHoldings = input.holdings.filter((h) => isActive2(h, on));
  const postsOf = /* @__PURE__ */ new Map();
  for (const h of activeHoldings) {
    const p = posts.get(h.post);
    if (p !== void 0) postsOf.set(h.person, [...postsOf.get(h.person) ?? [], p]);
  }
  const findings = [];
  for (const g of input.grids) {
    const path = ["grids", g.id, "leaderPost"];
    const post = g.leaderPost === void 0 ? void 0 : posts.get(g.leaderPost);
    if (post === void 0) {
      findings.push(error("grid/no-leader-post", path, `${g.level} grid ${g.id} has no leader post`));
      continue;
    }
    const holder = holderOn(post.id, activeHoldings, on);
    if (holder === void 0) {
      findings.push(
        error("grid/leader-vacant", path, `the leader post of ${g.level} grid ${g.id} is vacant on ${on}`)
      );
      continue;
    }
    const { requirement, source } = policy[g.level];
    const ok = requirement._tag === "UnitRole" ? input.memberships.some(
      (m) => m.person === holder.person && isActive(m, on) && requirement.roles.includes(m.role) && units.get(m.unit)?.kind === requirement.unitKind
    ) : (postsOf.get(holder.person) ?? []).some(
      (p) => p.kind === requirement.postKind && (p.grid === void 0 || pathOf(p.grid, byId).includes(g.id))
    );
    if (!ok) {
      const need = requirement._tag === "UnitRole" ? `a ${requirement.roles.join("/")} of a ${requirement.unitKind}` : `the holder of a ${requirement.postKind} post in this grid`;
      findings.push(
        error(
          "grid/leader-unqualified",
          path,
          `${holder.person} leads ${g.level} grid ${g.id} but is not ${need} (${source})`
        )
      );
    }
  }
  return findings;
};

// packages/core/src/grid/Visit.ts
var Visit_exports = {};
__export(Visit_exports, {
  Outcome: () => Outcome,
  Visit: () => Visit,
  coverage: () => coverage2,
  location: () => location4
});
import { Schema as Schema21 } from "effect";
var Outcome = Schema21.Literal("no-one-home", "needs-recorded", "proxy-service-done", "request-opened");
var Visit = class extends Schema21.Class("@zhili/Visit")(
  Schema21.Struct({
    id: VisitId,
    tenant: TenantId,
    household: HouseholdId,
    worker: GridWorkerId,
    at: Schema21.DateTimeUtc,
    outcome: Outcome,
    needs: Schema21.optional(SensitiveString),
    case: Schema21.optional(CaseId)
  }).pipe(
    Schema21.filter(
      (v) => v.case !== void 0 && v.outcome !== "request-opened" ? { path: ["case"], message: `a visit with outcome ${v.outcome} cannot name a case; only request-opened does` } : void 0
    )
  )
) {
};
var location4 = (visit, households2, buildings2, grids2) => {
  const building = households2.find((h) => h.id === visit.household)?.building;
  const b = buildings2.find((x) => x.id === building);
  if (b === void 0) return {};
  const micro = microGridByBuilding(grids2).get(b.id);
  return micro === void 0 ? { division: b.community } : { division: b.community, grid: pathOf(micro, grids2) };
};
var cov = (v) => ({
  ...v,
  rate: v.households === 0 ? 0 : v.visited / v.households
});
var coverage2 = (input, period3, options2 = {}) => {
  const zone = options2.timeZone ?? "Asia/Shanghai";
  const microOf = microGridByBuilding(input.grids);
  const householdGrid = new Map(input.households.map((h) => [h.id, microOf.get(h.building)]));
  const outcomes = {
    "no-one-home": 0,
    "needs-recorded": 0,
    "proxy-service-done": 0,
    "request-opened": 0
  };
  const reached = /* @__PURE__ */ new Set();
  const values = /* @__PURE__ */ new Map();
  const at = (g) => {
    const v = values.get(g) ?? { households: 0, visited: 0, visits: 0 };
    values.set(g, v);
    return v;
  };
  let visits3 = 0;
  for (const v of input.visits) {
    if (!isBetween(fromDateTime(v.at, zone), period3.from, period3.to)) continue;
    if (!householdGrid.has(v.household)) continue;
    outcomes[v.outcome]++;
    visits3++;
    const g = householdGrid.get(v.household);
    if (g !== void 0) at(g).visits++;
    if (v.outcome !== "no-one-home" || options2.countNoOneHome === true) reached.add(v.household);
  }
  let visited = 0;
  for (const [h, g] of householdGrid) {
    const isVisited = reached.has(h);
    if (isVisited) visited++;
    if (g === void 0) continue;
    const acc = at(g);
    acc.households++;
    if (isVisited) acc.visited++;
  }
  const rolled = rollup(input.grids, values, ["households", "visited", "visits"]);
  const map = (m) => new Map([...m].map(([k, v]) => [k, cov(v)]));
  return {
    grids: map(rolled.grids),
    communities: map(rolled.communities),
    total: cov({ households: householdGrid.size, visited, visits: visits3 }),
    outcomes
  };
};

// packages/core/src/service/Placement.ts
import { Schema as Schema22 } from "effect";
var Location2 = Schema22.Struct({
  division: Schema22.optional(
    Schema22.String.pipe(
      Schema22.pattern(/^(\d{6}|\d{9}|\d{12})$/, { message: () => "a division code has 6, 9 or 12 digits" })
    )
  ),
  org: Schema22.optional(Schema22.Array(Schema22.String)),
  grid: Schema22.optional(Schema22.Array(Schema22.String))
}).annotations({ identifier: "Placement.Location", title: "scope location" });
var resolve = (tenant, placement) => ({
  ...placement,
  division: placement?.division ?? tenant
});

// packages/core/src/service/Activity.ts
var Activity_exports = {};
__export(Activity_exports, {
  Activity: () => Activity,
  Headcount: () => Headcount,
  Kind: () => Kind2,
  Participants: () => Participants,
  Roster: () => Roster,
  VolunteerService: () => VolunteerService,
  checkCapacity: () => checkCapacity,
  date: () => date,
  location: () => location5,
  matches: () => matches,
  personTimes: () => personTimes,
  remainingPlaces: () => remainingPlaces,
  statistics: () => statistics,
  totals: () => totals,
  volunteerMinutes: () => volunteerMinutes
});
import { DateTime as DateTime7, Order, Schema as Schema23 } from "effect";
var Kind2 = Schema23.Literal("session", "lesson", "event", "camp", "visit", "meeting");
var Headcount = Schema23.TaggedStruct("Headcount", { count: Schema23.NonNegativeInt });
var Roster = Schema23.TaggedStruct("Roster", {
  residents: Schema23.Array(ResidentId),
  guests: Schema23.optionalWith(Schema23.NonNegativeInt, { default: () => 0, exact: true })
});
var Participants = Schema23.Union(Headcount, Roster);
var VolunteerService = Schema23.Struct({
  person: PersonId,
  team: Schema23.optional(VolunteerTeamId),
  minutes: Schema23.Int.pipe(Schema23.between(1, 24 * 60, { message: () => "volunteer minutes must be 1 to 1440" }))
});
var Activity = class extends Schema23.Class("@zhili/Activity")(
  Schema23.Struct({
    tenant: TenantId,
    id: ActivityId,
    service: ServiceId,
    kind: Schema23.optionalWith(Kind2, { default: () => "session", exact: true }),
    title: Schema23.optional(Schema23.String),
    start: Schema23.DateTimeUtc,
    end: Schema23.DateTimeUtc,
    space: Schema23.optional(SpaceId),
    team: Schema23.optional(VolunteerTeamId),
    participants: Participants,
    volunteers: Schema23.optionalWith(Schema23.Array(VolunteerService), { default: () => [], exact: true }),
    placement: Schema23.optional(Location2),
    version: Schema23.optionalWith(Schema23.NonNegativeInt, { default: () => 1, exact: true })
  }).pipe(
    Schema23.filter(
      (a) => DateTime7.lessThan(a.start, a.end) ? void 0 : { path: ["end"], message: `an activity must end after it starts (${DateTime7.formatIso(a.start)})` }
    )
  )
) {
};
var location5 = (self) => resolve(self.tenant, self.placement);
var personTimes = (self) => self.participants._tag === "Headcount" ? self.participants.count : self.participants.residents.length + self.participants.guests;
var volunteerMinutes = (self) => self.volunteers.reduce((n, v) => n + v.minutes, 0);
var date = (self, timeZone = "Asia/Shanghai") => fromDateTime(self.start, timeZone);
var matches = (self, filter) => {
  const day = date(self, filter.timeZone);
  return (filter.from === void 0 || day >= filter.from) && (filter.to === void 0 || day <= filter.to) && (filter.services === void 0 || filter.services.includes(self.service)) && (filter.teams === void 0 || self.team !== void 0 && filter.teams.includes(self.team)) && (filter.spaces === void 0 || self.space !== void 0 && filter.spaces.includes(self.space)) && (filter.inScope === void 0 || filter.inScope(location5(self)));
};
var totals = (activities2) => {
  let count = 0;
  let persons = 0;
  let minutes = 0;
  const residents = /* @__PURE__ */ new Set();
  const volunteers = /* @__PURE__ */ new Set();
  for (const a of activities2) {
    count++;
    persons += personTimes(a);
    minutes += volunteerMinutes(a);
    if (a.participants._tag === "Roster") for (const r of a.participants.residents) residents.add(r);
    for (const v of a.volunteers) volunteers.add(v.person);
  }
  return {
    activities: count,
    personTimes: persons,
    distinctResidents: residents.size,
    volunteerMinutes: minutes,
    volunteerHours: Math.round(minutes / 60 * 100) / 100,
    distinctVolunteers: volunteers.size
  };
};
var keyOf = (a, by, timeZone) => {
  switch (by) {
    case "service":
      return a.service;
    case "team":
      return a.team ?? "(no team)";
    case "space":
      return a.space ?? "(no space)";
    case "kind":
      return a.kind;
    case "month":
      return date(a, timeZone).slice(0, 7);
    case "day":
      return date(a, timeZone);
    case "all":
      return "all";
  }
};
var statistics = (activities2, options2 = {}) => {
  const groups = /* @__PURE__ */ new Map();
  const by = options2.groupBy ?? "all";
  for (const a of activities2) {
    if (!matches(a, options2)) continue;
    const key = keyOf(a, by, options2.timeZone);
    const group = groups.get(key);
    if (group === void 0) groups.set(key, [a]);
    else group.push(a);
  }
  return [...groups.entries()].sort(([a], [b]) => Order.string(a, b)).map(([key, group]) => ({ key, ...totals(group) }));
};
var checkCapacity = (self, capacity) => {
  const out = [];
  const n = personTimes(self);
  if (capacity !== void 0 && n > capacity) {
    out.push(
      new Finding({
        code: "activity/over-capacity",
        severity: "error",
        path: ["participants"],
        message: `activity ${self.id} has ${n} participants but room for ${capacity} (${n - capacity} too many)`
      })
    );
  }
  if (self.participants._tag === "Roster") {
    const seen = /* @__PURE__ */ new Set();
    self.participants.residents.forEach((r, i) => {
      if (seen.has(r)) {
        out.push(
          new Finding({
            code: "activity/duplicate-participant",
            severity: "warning",
            path: ["participants", "residents", i],
            message: `resident ${r} is listed twice in activity ${self.id}`
          })
        );
      }
      seen.add(r);
    });
  }
  return out;
};
var remainingPlaces = (self, capacity) => capacity === void 0 ? void 0 : Math.max(0, capacity - personTimes(self));

// packages/core/src/registry/Building.ts
var Building_exports = {};
__export(Building_exports, {
  Building: () => Building,
  location: () => location6
});
import { Schema as Schema24 } from "effect";
var Building = class extends Schema24.Class("@zhili/Building")({
  id: BuildingId,
  tenant: TenantId,
  community: CommunityCodeString,
  name: Schema24.NonEmptyTrimmedString,
  compound: Schema24.optional(Schema24.NonEmptyTrimmedString)
}) {
};
var location6 = (building, grids2) => {
  const micro = microGridByBuilding(grids2).get(building.id);
  return micro === void 0 ? { division: building.community } : { division: building.community, grid: pathOf(micro, grids2) };
};

// packages/core/src/registry/Household.ts
var Household_exports = {};
__export(Household_exports, {
  Household: () => Household,
  location: () => location7
});
import { Schema as Schema25 } from "effect";
var Household = class extends Schema25.Class("@zhili/Household")({
  id: HouseholdId,
  tenant: TenantId,
  building: BuildingId,
  room: Schema25.NonEmptyTrimmedString
}) {
};
var location7 = (household, buildings2, grids2) => {
  const b = buildings2.get(household.building);
  return b === void 0 ? {} : location6(b, grids2);
};

// packages/core/src/registry/Resident.ts
var Resident_exports = {};
__export(Resident_exports, {
  Resident: () => Resident,
  Sex: () => Sex,
  Tag: () => Tag,
  afterSchoolAgePolicy: () => afterSchoolAgePolicy,
  defaultAgePolicy: () => defaultAgePolicy,
  location: () => location8,
  oldAndYoung: () => oldAndYoung
});
import { Schema as Schema26 } from "effect";
var Tag = Schema26.Literal(
  "elderly",
  "child",
  "disabled",
  "party-member",
  "veteran",
  "low-income",
  "living-alone",
  "left-behind"
);
var Sex = Schema26.Literal("male", "female");
var Resident = class extends Schema26.Class("@zhili/Resident")({
  id: ResidentId,
  tenant: TenantId,
  household: HouseholdId,
  name: SensitiveString,
  birthDate: LocalDate,
  sex: Sex,
  tags: Schema26.optionalWith(Schema26.Array(Tag), { default: () => [] }),
  idNumber: Schema26.optional(SensitiveString),
  phone: Schema26.optional(SensitiveString)
}) {
};
var location8 = (resident, households2, buildings2, grids2) => {
  const h = households2.get(resident.household);
  return h === void 0 ? {} : location7(h, buildings2, grids2);
};
var defaultAgePolicy = { elderlyFromAge: 60, childBelowAge: minorAgeThreshold };
var afterSchoolAgePolicy = { elderlyFromAge: 60, childBelowAge: 13 };
var oldAndYoung = (input, on, policy = defaultAgePolicy) => {
  const microOf = microGridByBuilding(input.grids);
  const householdGrid = new Map(input.households.map((h) => [h.id, microOf.get(h.building)]));
  const perGrid = /* @__PURE__ */ new Map();
  const unassigned = { residents: 0, elderly: 0, children: 0 };
  for (const r of input.residents) {
    if (r.birthDate > on) continue;
    const age = ageInYears(r.birthDate, on);
    const g = householdGrid.get(r.household);
    const acc = g === void 0 ? unassigned : perGrid.get(g) ?? { residents: 0, elderly: 0, children: 0 };
    acc.residents++;
    if (age >= policy.elderlyFromAge) acc.elderly++;
    if (age < policy.childBelowAge) acc.children++;
    if (g !== void 0) perGrid.set(g, acc);
  }
  const rolled = rollup(input.grids, perGrid, ["residents", "elderly", "children"]);
  return { grids: rolled.grids, communities: rolled.communities, unassigned };
};

// packages/testing/src/City.ts
var City_exports = {};
__export(City_exports, {
  activities: () => activities,
  assessmentInputs: () => assessmentInputs,
  casePolicy: () => casePolicy,
  cases: () => cases,
  communities: () => communities,
  identityNumber: () => identityNumber,
  indicatorSystem: () => indicatorSystem,
  microPath: () => microPath,
  participations: () => participations,
  place: () => place,
  sizes: () => sizes,
  stream: () => stream,
  visits: () => visits
});
import { DateTime as DateTime8, Either as Either8, Option as Option6, Redacted as Redacted2, Stream } from "effect";
var perCommunity = {
  gridsPerCommunity: 10,
  // 1 large, 2 small, 7 micro
  buildingsPerCommunity: 80,
  householdsPerCommunity: 1600,
  casesPerCommunity: 1e3,
  activitiesPerCommunity: 200,
  participantsPerActivity: 50,
  visitsPerCommunity: 2400
};
var sizes = (scale2 = 1) => {
  const communities2 = Math.max(1, Math.round(1e3 * scale2));
  return {
    communities: communities2,
    ...perCommunity,
    grids: communities2 * perCommunity.gridsPerCommunity,
    households: communities2 * perCommunity.householdsPerCommunity,
    cases: communities2 * perCommunity.casesPerCommunity,
    participations: communities2 * perCommunity.activitiesPerCommunity * perCommunity.participantsPerActivity
  };
};
var counties = [
  ["370302", "\u6DC4\u5DDD\u533A"],
  ["370303", "\u5F20\u5E97\u533A"],
  ["370304", "\u535A\u5C71\u533A"],
  ["370305", "\u4E34\u6DC4\u533A"],
  ["370306", "\u5468\u6751\u533A"],
  ["370321", "\u6853\u53F0\u53BF"],
  ["370322", "\u9AD8\u9752\u53BF"],
  ["370323", "\u6C82\u6E90\u53BF"]
];
var streetsPerCounty = 11;
var Rng = class {
  s;
  constructor(seed) {
    this.s = seed >>> 0;
  }
  next() {
    this.s = this.s + 1831565813 >>> 0;
    let t = this.s;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  pick(xs) {
    return xs[this.int(xs.length)];
  }
};
var rngFor = (seed, community, stream2) => new Rng(Math.imul(seed ^ 2654435769, 2246822507) ^ Math.imul(community + 1, 3266489909) ^ stream2 * 668265263);
var pad2 = (n, width) => String(n).padStart(width, "0");
var place = (index) => {
  const streets = counties.length * streetsPerCounty;
  const s = index % streets;
  const [county, countyName] = counties[s % counties.length];
  const street = `${county}${pad2(1 + Math.floor(s / counties.length), 3)}`;
  const seq = 1 + Math.floor(index / streets);
  if (seq > 199) throw new RangeError(`City: community ${index} exceeds 199 communities per street`);
  const community = `${street}${pad2(seq, 3)}`;
  return {
    index,
    county,
    countyName,
    street,
    community,
    name: `${countyName}\u7B2C${1 + Math.floor(s / counties.length)}\u8857\u9053\u7B2C${seq}\u793E\u533A`
  };
};
var unchecked = { disableValidation: true };
var gridId = (community, seq) => `g${community}-${pad2(seq, 2)}`;
var microSeqs = [4, 5, 6, 7, 8, 9, 10];
var smallOf = (micro) => micro <= 7 ? 2 : 3;
var microPath = (community, m) => {
  const seq = microSeqs[m % microSeqs.length];
  return [gridId(community, 1), gridId(community, smallOf(seq)), gridId(community, seq)];
};
var gridsOf = (p, buildings2) => {
  const tenant = p.community;
  const base = { tenant, community: p.community };
  const grids2 = [
    new Grid_exports.Grid({ ...base, id: gridId(p.community, 1), level: "large", name: `${p.name}\u5927\u7F51\u683C`, code: `${p.community}001` }, unchecked)
  ];
  for (const s of [2, 3])
    grids2.push(
      new Grid_exports.Grid(
        { ...base, id: gridId(p.community, s), level: "small", name: `\u7B2C${s - 1}\u5C0F\u7F51\u683C`, code: `${p.community}${pad2(s, 3)}`, parent: gridId(p.community, 1) },
        unchecked
      )
    );
  microSeqs.forEach((seq, m) => {
    grids2.push(
      new Grid_exports.Grid(
        {
          ...base,
          id: gridId(p.community, seq),
          level: "micro",
          name: `\u7B2C${m + 1}\u5FAE\u7F51\u683C`,
          code: `${p.community}${pad2(seq, 3)}`,
          parent: gridId(p.community, smallOf(seq)),
          buildings: buildings2.filter((_, i) => i % microSeqs.length === m).map((b) => b.id)
        },
        unchecked
      )
    );
  });
  return grids2;
};
var idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
var idCheck = "10X98765432";
var identityNumber = (division, birth, seq) => {
  const body = `${division}${birth.replaceAll("-", "")}${pad2(seq % 1e3, 3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * idWeights[i];
  return `${body}${idCheck[sum % 11]}`;
};
var surnames = ["\u738B", "\u674E", "\u5F20", "\u5218", "\u9648", "\u6768", "\u8D75", "\u9EC4", "\u5468", "\u5434", "\u5B59", "\u5F90"];
var given = ["\u4F1F", "\u82B3", "\u5A1C", "\u654F", "\u9759", "\u4E3D", "\u5F3A", "\u78CA", "\u519B", "\u6D0B", "\u52C7", "\u8273", "\u6770", "\u6D9B", "\u660E", "\u534E"];
var householdSizes = [1, 2, 2, 2, 3, 3, 3, 4, 4, 5];
var buildCommunity = (seed, index, year2) => {
  const p = place(index);
  const rng = rngFor(seed, index, 1);
  const tenant = p.community;
  const buildings2 = [];
  for (let b = 0; b < perCommunity.buildingsPerCommunity; b++)
    buildings2.push(
      new Building_exports.Building(
        { id: `b${p.community}-${pad2(b + 1, 3)}`, tenant, community: p.community, name: `${b + 1}\u53F7\u697C` },
        unchecked
      )
    );
  const households2 = [];
  const residents = [];
  const on = LocalDate_exports.make(year2, 1, 1);
  for (let h = 0; h < perCommunity.householdsPerCommunity; h++) {
    const building = buildings2[h % buildings2.length];
    const id2 = `h${p.community}-${pad2(h + 1, 4)}`;
    households2.push(new Household_exports.Household({ id: id2, tenant, building: building.id, room: `${1 + h % 30}0${1 + h % 4}` }, unchecked));
    const size = rng.pick(householdSizes);
    for (let r = 0; r < size; r++) {
      const age = r < 2 ? 20 + rng.int(70) : rng.int(18);
      const birth = LocalDate_exports.addDays(on, -(age * 365 + rng.int(365)));
      const sex = rng.next() < 0.5 ? "male" : "female";
      const seq = 2 * rng.int(500) + (sex === "male" ? 1 : 0);
      residents.push(
        new Resident_exports.Resident(
          {
            id: `${id2}-${r + 1}`,
            tenant,
            household: id2,
            name: Redacted2.make(`${rng.pick(surnames)}${rng.pick(given)}${rng.pick(given)}`),
            birthDate: birth,
            sex,
            tags: age >= 60 ? ["elderly"] : [],
            idNumber: Redacted2.make(identityNumber(p.county, birth, seq)),
            phone: Redacted2.make(`13${pad2(rng.int(1e9), 9)}`)
          },
          unchecked
        )
      );
    }
  }
  return { ...p, grids: gridsOf(p, buildings2), buildings: buildings2, households: households2, residents };
};
var resolve2 = (o) => ({ seed: o.seed ?? 1, count: sizes(o.scale).communities, year: o.year ?? 2025 });
function* communities(options2 = {}) {
  const { count, seed, year: year2 } = resolve2(options2);
  for (let i = 0; i < count; i++) yield buildCommunity(seed, i, year2);
}
var stream = (options2 = {}) => Stream.fromIterable({ [Symbol.iterator]: () => communities(options2) });
var casePolicy = Case_exports.makePolicy({
  clock: Deadline_exports.fromWorkingCalendar(WorkingCalendar_exports.weekendsOnly("testing/city", [2024, 2025, 2026]))
});
var categories = Category_exports.defaultCatalogue.categories.filter((c) => Option6.isSome(Category_exports.limitsOf(Category_exports.defaultCatalogue, c.code))).map((c) => c.code);
var staff = new Case_exports.Actor({ role: "staff", id: "staff-1" });
var hour = 36e5;
var yearStart = (year2) => Date.UTC(year2, 0, 1) - 8 * hour;
var workingInstant = (rng, year2) => {
  for (; ; ) {
    const day = rng.int(365);
    const date2 = LocalDate_exports.addDays(LocalDate_exports.make(year2, 1, 1), day);
    if (LocalDate_exports.dayOfWeek(date2) <= 5) return yearStart(year2) + day * 24 * hour + (9 + rng.int(8)) * hour + rng.int(60) * 6e4;
  }
};
var must = (e) => {
  if (Either8.isLeft(e)) throw new Error(`City: generated an illegal case history: ${e.left.message}`);
  return e.right;
};
var caseOf = (p, rng, n, year2) => {
  const m = rng.int(microSeqs.length);
  const path = microPath(p.community, m);
  let at = workingInstant(rng, year2);
  const instant = () => DateTime8.unsafeMake(at);
  const later = (hours) => {
    at += Math.max(1, Math.round(hours * hour));
    return instant();
  };
  const intake = new Case_exports.Intake(
    {
      id: `c${p.community}-${pad2(n + 1, 4)}`,
      tenant: p.community,
      kind: rng.pick(Case_exports.Kind.literals),
      category: rng.pick(categories),
      source: rng.pick(Case_exports.Source.literals),
      title: `\u7B2C${n + 1}\u53F7\u8BC9\u6C42`,
      reporter: { _tag: "Anonymous" },
      location: new Case_exports.Location({ grid: path[2], gridPath: path }, unchecked),
      priority: rng.next() < 0.9 ? "normal" : "urgent",
      severity: rng.pick(Case_exports.Severity.literals),
      complex: rng.next() < 0.1,
      attributes: {}
    },
    unchecked
  );
  let c = must(Case_exports.open({ _tag: "Reported", at: instant(), by: staff, intake }, casePolicy));
  const apply = (e) => {
    c = must(Case_exports.transition(c, e, casePolicy));
  };
  const roll = rng.next();
  if (roll < 0.04) {
    apply({ _tag: "Rejected", at: later(1 + rng.int(6)), by: staff, reason: "\u4E0D\u5C5E\u4E8E\u53D7\u7406\u8303\u56F4" });
    return c;
  }
  if (roll < 0.07) {
    apply({ _tag: "Withdrawn", at: later(1 + rng.int(6)), by: staff });
    return c;
  }
  apply({ _tag: "Accepted", at: later(rng.next() < 0.9 ? 0.5 + rng.int(4) : 30 + rng.int(40)), by: staff });
  if (rng.next() < 0.12) {
    const next = Case_exports.nextLevel(c);
    if (Option6.isSome(next)) apply({ _tag: "Escalated", at: later(2), by: staff, to: next.value, reason: "\u8D85\u51FA\u672C\u7EA7\u80FD\u529B" });
  }
  apply({ _tag: "Dispatched", at: later(1), by: staff, to: new Case_exports.Assignee({ unit: `u${p.community}` }) });
  apply({ _tag: "Started", at: later(1 + rng.int(8)), by: staff });
  if (rng.next() < 0.06)
    apply({
      _tag: "ExtensionGranted",
      at: later(4),
      by: staff,
      extension: Deadline_exports.duration(3, "working-days"),
      reason: "\u7B49\u5F85\u914D\u4EF6"
    });
  if (rng.next() < 0.03) return c;
  apply({ _tag: "Resolved", at: later(8 + rng.int(24 * 12)), by: staff, fixed: rng.next() < 0.93, summary: "\u5DF2\u5904\u7406" });
  apply({ _tag: "Verified", at: later(2 + rng.int(24)), by: staff });
  apply({ _tag: "Closed", at: later(1), by: staff, fixed: c.resolvedFixed ?? true });
  if (rng.next() < 0.7) {
    const r = rng.next();
    apply({
      _tag: "Rated",
      at: later(24),
      by: staff,
      satisfaction: r < 0.8 ? "satisfied" : r < 0.95 ? "basically-satisfied" : "dissatisfied"
    });
  }
  return c;
};
function* cases(options2 = {}) {
  const { count, seed, year: year2 } = resolve2(options2);
  for (let i = 0; i < count; i++) {
    const p = place(i);
    const rng = rngFor(seed, i, 2);
    for (let n = 0; n < perCommunity.casesPerCommunity; n++) yield caseOf(p, rng, n, year2);
  }
}
function* visits(community, options2 = {}) {
  const { seed, year: year2 } = resolve2(options2);
  const rng = rngFor(seed, community.index, 3);
  const outcomes = Visit_exports.Outcome.literals;
  for (let v = 0; v < perCommunity.visitsPerCommunity; v++) {
    const h = community.households[rng.int(community.households.length)];
    const outcome = rng.next() < 0.15 ? "no-one-home" : rng.pick(outcomes.slice(1, 3));
    yield new Visit_exports.Visit(
      {
        id: `v${community.community}-${pad2(v + 1, 4)}`,
        tenant: community.community,
        household: h.id,
        worker: `w${community.community}-${rng.int(7)}`,
        at: DateTime8.unsafeMake(workingInstant(rng, year2)),
        outcome
      },
      unchecked
    );
  }
}
function* activities(community, options2 = {}) {
  const { seed, year: year2 } = resolve2(options2);
  const rng = rngFor(seed, community.index, 4);
  for (let a = 0; a < perCommunity.activitiesPerCommunity; a++) {
    const start = workingInstant(rng, year2);
    const residents = [];
    for (let r = 0; r < perCommunity.participantsPerActivity; r++)
      residents.push(community.residents[rng.int(community.residents.length)].id);
    yield new Activity_exports.Activity(
      {
        tenant: community.community,
        id: `a${community.community}-${pad2(a + 1, 3)}`,
        service: `s${community.community}-${rng.int(10)}`,
        kind: "session",
        start: DateTime8.unsafeMake(start),
        end: DateTime8.unsafeMake(start + 2 * hour),
        participants: { _tag: "Roster", residents, guests: 0 },
        volunteers: [],
        version: 1
      },
      unchecked
    );
  }
}
function* participations(options2 = {}) {
  for (const c of communities(options2))
    for (const a of activities(c, options2))
      if (a.participants._tag === "Roster")
        for (const resident of a.participants.residents) yield { tenant: c.community, activity: a.id, resident };
}
var either = (e) => {
  if (Either8.isLeft(e)) throw new Error(`City: ${String(e.left)}`);
  return e.right;
};
var indicatorSystem = either(
  IndicatorSystem_exports.make({
    id: "zibo-community-2025",
    tenant: "370300",
    name: "\u6DC4\u535A\u5E02\u793E\u533A\u6CBB\u7406\u5E74\u5EA6\u8003\u6838",
    fullMarks: 100,
    indicators: [
      {
        _tag: "Group",
        id: "party",
        name: "\u515A\u5EFA\u5F15\u9886",
        weight: 0.3,
        children: [
          {
            _tag: "Leaf",
            id: "party.meetings",
            name: "\u4E09\u4F1A\u4E00\u8BFE",
            weight: 0.5,
            method: { _tag: "Scale", levels: [1, 2, 3, 4, 5].map((level) => ({ level, fraction: level / 5 })) }
          },
          { _tag: "Leaf", id: "party.activities", name: "\u4E3B\u9898\u515A\u65E5", weight: 0.5, method: { _tag: "CountTarget", target: 12 } }
        ]
      },
      {
        _tag: "Group",
        id: "grid",
        name: "\u7F51\u683C\u6CBB\u7406",
        weight: 0.3,
        children: [
          {
            _tag: "Leaf",
            id: "grid.visits",
            name: "\u8D70\u8BBF\u8986\u76D6",
            weight: 0.6,
            method: {
              _tag: "Ratio",
              bands: [
                { atLeast: 0.95, fraction: 1 },
                { atLeast: 0.8, fraction: 0.8 },
                { atLeast: 0.6, fraction: 0.5 },
                { atLeast: 0, fraction: 0 }
              ]
            }
          },
          { _tag: "Leaf", id: "grid.coverage", name: "\u7F51\u683C\u5168\u8986\u76D6", weight: 0.4, method: { _tag: "YesNo" } }
        ]
      },
      {
        _tag: "Group",
        id: "cases",
        name: "\u63A5\u8BC9\u5373\u529E",
        weight: 0.3,
        children: [
          { _tag: "Leaf", id: "cases.response", name: "\u54CD\u5E94\u7387", weight: 0.3, method: { _tag: "DataSource", source: "case.response-rate" } },
          { _tag: "Leaf", id: "cases.resolution", name: "\u89E3\u51B3\u7387", weight: 0.3, method: { _tag: "DataSource", source: "case.resolution-rate" } },
          { _tag: "Leaf", id: "cases.satisfaction", name: "\u6EE1\u610F\u7387", weight: 0.4, method: { _tag: "DataSource", source: "case.satisfaction-rate" } }
        ]
      },
      {
        _tag: "Leaf",
        id: "complaints",
        name: "\u6709\u6548\u6295\u8BC9",
        weight: 0.1,
        method: { _tag: "Deduction", perOccurrence: 2, floor: 0 }
      }
    ]
  })
);
function* assessmentInputs(options2 = {}) {
  const { count, seed } = resolve2(options2);
  for (let i = 0; i < count; i++) {
    const rng = rngFor(seed, i, 5);
    const households2 = perCommunity.householdsPerCommunity;
    yield {
      unit: place(i).community,
      inputs: new Assessment_exports.RawInputs(
        {
          values: {
            "party.meetings": 1 + rng.int(5),
            "party.activities": rng.int(15),
            "grid.visits": { numerator: Math.floor(households2 * (0.5 + rng.next() / 2)), denominator: households2 },
            "grid.coverage": rng.next() < 0.9,
            complaints: rng.int(4)
          },
          sources: {
            "case.response-rate": 0.8 + rng.next() / 5,
            "case.resolution-rate": 0.7 + rng.next() / 4,
            "case.satisfaction-rate": 0.75 + rng.next() / 4
          }
        },
        unchecked
      )
    };
  }
}

// bench/rules.ts
import { DateTime as DateTime9 } from "effect";
var [scaleArg = "1", sampleArg = "100000"] = process.argv.slice(2);
var scale = Number(scaleArg);
var sizes2 = City_exports.sizes(scale);
var options = { seed: 2025, scale, year: 2025 };
var log = (s) => process.stderr.write(`${s}
`);
var time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
var median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
var results = [];
var compare2 = (name, n, rule, baseline, same) => {
  let a;
  let b;
  const s = [time(() => b = baseline())];
  const r = [time(() => a = rule())];
  if (!same(a, b)) throw new Error(`${name}: the rule and the baseline disagree: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  if (r[0] <= 2e4) {
    r.length = 0;
    s.length = 0;
    for (let i = 0; i < 3; i++) {
      s.push(time(baseline));
      r.push(time(rule));
    }
  }
  const out = { name, rule: median(r), baseline: median(s), ratio: median(r) / median(s), n };
  log(`${name}: rule ${out.rule.toFixed(0)} ms, baseline ${out.baseline.toFixed(0)} ms, ${out.ratio.toFixed(2)}\xD7`);
  results.push(out);
};
var t0 = performance.now();
var grids = [];
var buildings = [];
var households = [];
var visits2 = [];
for (const c of City_exports.communities(options)) {
  grids.push(...c.grids);
  for (const b of c.buildings) buildings.push({ id: b.id, community: b.community });
  for (const h of c.households) households.push({ id: h.id, building: h.building });
  for (const v of City_exports.visits(c, options)) visits2.push(v);
}
log(`city: ${grids.length} grids, ${buildings.length} buildings, ${households.length} households, ${visits2.length} visits in ${((performance.now() - t0) / 1e3).toFixed(0)} s`);
var gridBaseline = () => {
  const byId = /* @__PURE__ */ new Map();
  let errors = 0;
  for (const g of grids) byId.has(g.id) ? errors++ : byId.set(g.id, g);
  const codes = /* @__PURE__ */ new Set();
  const want = { large: void 0, small: "large", micro: "small" };
  const claims = /* @__PURE__ */ new Map();
  const known = /* @__PURE__ */ new Map();
  for (const b of buildings) known.set(b.id, b.community);
  for (const g of byId.values()) {
    if (codes.has(g.code)) errors++;
    codes.add(g.code);
    if (g.code.slice(0, 12) !== g.community) errors++;
    if (g.level !== "micro" && g.buildings.length > 0) errors++;
    const p = g.parent === void 0 ? void 0 : byId.get(g.parent);
    if (g.parent === void 0 ? want[g.level] !== void 0 : p === void 0 || p.level !== want[g.level] || p.community !== g.community) errors++;
    if (g.level === "micro")
      for (const b of g.buildings) {
        const community = known.get(b);
        if (community === void 0 || community !== g.community) errors++;
        claims.set(b, (claims.get(b) ?? 0) + 1);
      }
  }
  for (const b of buildings) if ((claims.get(b.id) ?? 0) !== 1) errors++;
  return errors;
};
compare2(
  "grid coverage (whole city)",
  grids.length,
  () => Grid_exports.coverage({ grids, buildings }).filter((f) => f.severity === "error").length,
  gridBaseline,
  (a, b) => a === b
);
var period2 = { from: "2025-01-01", to: "2025-12-31" };
var from = DateTime9.toEpochMillis(DateTime9.unsafeMakeZoned({ year: 2025, month: 1, day: 1 }, { timeZone: "Asia/Shanghai", adjustForTimeZone: true }));
var to = DateTime9.toEpochMillis(DateTime9.unsafeMakeZoned({ year: 2026, month: 1, day: 1 }, { timeZone: "Asia/Shanghai", adjustForTimeZone: true }));
var visitBaseline = () => {
  const microOf = /* @__PURE__ */ new Map();
  for (const g of grids) if (g.level === "micro") for (const b of g.buildings) microOf.set(b, g.id);
  const gridOf = /* @__PURE__ */ new Map();
  for (const h of households) gridOf.set(h.id, microOf.get(h.building));
  const reached = /* @__PURE__ */ new Set();
  const perGrid = /* @__PURE__ */ new Map();
  const at = (g) => {
    let v = perGrid.get(g);
    if (v === void 0) perGrid.set(g, v = { households: 0, visited: 0, visits: 0 });
    return v;
  };
  for (const v of visits2) {
    const ms = v.at.epochMillis;
    if (ms < from || ms >= to || !gridOf.has(v.household)) continue;
    const g = gridOf.get(v.household);
    if (g !== void 0) at(g).visits++;
    if (v.outcome !== "no-one-home") reached.add(v.household);
  }
  let visited = 0;
  for (const [h, g] of gridOf) {
    const r = reached.has(h);
    if (r) visited++;
    if (g === void 0) continue;
    const acc = at(g);
    acc.households++;
    if (r) acc.visited++;
  }
  return { rate: visited / gridOf.size, grids: perGrid.size };
};
compare2(
  "visit coverage (whole city, a year)",
  visits2.length,
  () => {
    const c = Visit_exports.coverage({ grids, households, visits: visits2 }, period2);
    return { rate: c.total.rate, grids: [...c.grids.values()].filter((_, i) => i >= 0).length };
  },
  visitBaseline,
  (a, b) => a.rate === b.rate
);
grids.length = 0;
buildings.length = 0;
households.length = 0;
visits2.length = 0;
var t1 = performance.now();
var sample = [];
for (const c of City_exports.cases(options)) {
  sample.push(c);
  if (sample.length >= Number(sampleArg)) break;
}
var cases2 = [];
for (let i = 0; cases2.length < sizes2.cases; i++) {
  const c = sample[i % sample.length];
  cases2.push(i < sample.length ? c : new Case_exports.Case({ ...c, id: `${c.id}-${Math.floor(i / sample.length)}` }, { disableValidation: true }));
}
log(`cases: ${sample.length} generated, ${cases2.length} in all, in ${((performance.now() - t1) / 1e3).toFixed(0)} s`);
var year = Metrics_exports.months({ year: 2025, month: 1 }, { year: 2025, month: 12 });
var metricOptions = { policy: City_exports.casePolicy };
var pf = year.from.epochMillis;
var pt = year.to.epochMillis;
var inYear = (d) => d !== void 0 && d.epochMillis >= pf && d.epochMillis < pt;
var value = (r) => r.value;
compare2(
  `case response rate (${sizes2.cases.toLocaleString("en-US")} cases)`,
  cases2.length,
  () => value(Metrics_exports.responseRate(cases2, year, metricOptions)),
  () => {
    let n = 0;
    let d = 0;
    for (const c of cases2) {
      if (!inYear(c.reportedAt)) continue;
      d++;
      if (c.respondedAt !== void 0 && (c.due.response === void 0 || c.respondedAt.epochMillis <= c.due.response.epochMillis)) n++;
    }
    return d === 0 ? null : n / d;
  },
  (a, b) => a === b
);
compare2(
  "case resolution rate",
  cases2.length,
  () => value(Metrics_exports.resolutionRate(cases2, year, metricOptions)),
  () => {
    let n = 0;
    let d = 0;
    for (const c of cases2)
      if (c.status === "closed" && inYear(c.closedAt)) {
        d++;
        if (c.closure === "fixed") n++;
      }
    return d === 0 ? null : n / d;
  },
  (a, b) => a === b
);
var scaleOf = Metrics_exports.defaultSatisfactionScale;
compare2(
  "case satisfaction rate",
  cases2.length,
  () => value(Metrics_exports.satisfactionRate(cases2, year, metricOptions)),
  () => {
    let n = 0;
    let d = 0;
    for (const c of cases2)
      if (c.status === "closed" && inYear(c.closedAt) && c.satisfaction !== void 0) {
        d++;
        n += scaleOf[c.satisfaction];
      }
    return d === 0 ? null : n / d;
  },
  (a, b) => Math.abs((a ?? 0) - (b ?? 0)) < 1e-9
);
compare2(
  "case on-time closing rate",
  cases2.length,
  () => value(Metrics_exports.onTimeClosingRate(cases2, year, metricOptions)),
  () => {
    let n = 0;
    let d = 0;
    for (const c of cases2) {
      const due = Case_exports.originalDue(c, City_exports.casePolicy);
      if (due === void 0 || due.epochMillis < pf || due.epochMillis >= pt) continue;
      let deferred = false;
      let feedback;
      let closing;
      for (const e of c.history) {
        if ((e._tag === "ExtensionGranted" || e._tag === "Shelved") && e.at.epochMillis < pt) deferred = true;
        if (e._tag === "Resolved") feedback = e.at.epochMillis;
        if (e._tag === "Closed") closing = e.at.epochMillis;
      }
      if (deferred) continue;
      d++;
      const last = feedback ?? closing;
      if (c.status === "closed" && c.closedAt !== void 0 && c.closedAt.epochMillis < pt && last !== void 0 && last <= due.epochMillis) n++;
    }
    return d === 0 ? null : n / d;
  },
  (a, b) => a === b
);
var rank3 = { "micro-grid": 0, compound: 1, community: 2, street: 3 };
compare2(
  "case escalation shares (settled in compound / community)",
  cases2.length,
  () => {
    const s = Escalation_exports.settledShares(cases2, year);
    return [s.inCompound.value, s.inCommunity.value];
  },
  () => {
    let closed = 0;
    let compound = 0;
    let community = 0;
    for (const c of cases2) {
      if (!inYear(c.closedAt)) continue;
      closed++;
      const r = rank3[c.level];
      if (r <= 1) compound++;
      if (r <= 2) community++;
    }
    return closed === 0 ? [null, null] : [compound / closed, community / closed];
  },
  (a, b) => a[0] === b[0] && a[1] === b[1]
);
sample.length = 0;
cases2.length = 0;
var inputs = [...City_exports.assessmentInputs(options)];
var rounds = Math.max(1, Math.round(20 / Math.max(scale, 0.05)));
var round22 = (n) => {
  const clean = Math.round(n * 1e9) / 1e9;
  return Math.sign(clean) * Math.round(Math.abs(clean) * 100) / 100;
};
var scoreByHand = (i) => {
  const v = i.values;
  const s = i.sources;
  const visits3 = v["grid.visits"];
  const ratio = visits3.numerator / visits3.denominator;
  const band2 = ratio >= 0.95 ? 1 : ratio >= 0.8 ? 0.8 : ratio >= 0.6 ? 0.5 : 0;
  const complaints = v.complaints;
  const party = round22(15 * (v["party.meetings"] / 5)) + round22(15 * Math.min(1, v["party.activities"] / 12));
  const grid = round22(18 * band2) + round22(v["grid.coverage"] === true ? 12 : 0);
  const cases3 = round22(9 * (s["case.response-rate"] ?? 0)) + round22(9 * (s["case.resolution-rate"] ?? 0)) + round22(12 * (s["case.satisfaction-rate"] ?? 0));
  const deduction = round22(complaints === 0 ? 10 : Math.max(0, 10 - complaints * 2));
  return round22(party + grid + cases3 + deduction);
};
compare2(
  `assessment scoring (${inputs.length} units \xD7 ${rounds})`,
  inputs.length * rounds,
  () => {
    let t = 0;
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += Assessment_exports.score(City_exports.indicatorSystem, u.inputs).total;
    return round22(t / rounds);
  },
  () => {
    let t = 0;
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += scoreByHand(u.inputs);
    return round22(t / rounds);
  },
  (a, b) => Math.abs(a - b) < 0.01 * inputs.length
);
console.log(JSON.stringify({ scale, caseSample: Number(sampleArg), sizes: sizes2, results, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
