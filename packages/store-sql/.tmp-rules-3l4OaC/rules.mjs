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
      for (const [token2, max] of safeRegexReplacements) {
        value2 = value2.split(`${token2}*`).join(`${token2}{0,${max}}`).split(`${token2}+`).join(`${token2}{1,${max}}`);
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
              const num2 = +id2;
              if (num2 >= 0 && num2 < MAX_SAFE_INTEGER) {
                return num2;
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
      const prefix2 = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix2 + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix2 + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix2 + "patch";
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

// node_modules/.pnpm/gcoord@1.0.7/node_modules/gcoord/dist/gcoord.cjs.prod.js
var require_gcoord_cjs_prod = __commonJS({
  "node_modules/.pnpm/gcoord@1.0.7/node_modules/gcoord/dist/gcoord.cjs.prod.js"(exports, module) {
    "use strict";
    var { sin: sin$1, cos: cos$1, sqrt: sqrt$1, abs: abs$1, PI: PI$1 } = Math;
    var a = 6378245;
    var ee = 0.006693421622965823;
    function isInChinaBbox(lon, lat) {
      return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
    }
    function transformLat(x, y) {
      let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt$1(abs$1(x));
      ret += (20 * sin$1(6 * x * PI$1) + 20 * sin$1(2 * x * PI$1)) * 2 / 3;
      ret += (20 * sin$1(y * PI$1) + 40 * sin$1(y / 3 * PI$1)) * 2 / 3;
      ret += (160 * sin$1(y / 12 * PI$1) + 320 * sin$1(y * PI$1 / 30)) * 2 / 3;
      return ret;
    }
    function transformLon(x, y) {
      let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt$1(abs$1(x));
      ret += (20 * sin$1(6 * x * PI$1) + 20 * sin$1(2 * x * PI$1)) * 2 / 3;
      ret += (20 * sin$1(x * PI$1) + 40 * sin$1(x / 3 * PI$1)) * 2 / 3;
      ret += (150 * sin$1(x / 12 * PI$1) + 300 * sin$1(x / 30 * PI$1)) * 2 / 3;
      return ret;
    }
    function delta(lon, lat) {
      let dLon = transformLon(lon - 105, lat - 35);
      let dLat = transformLat(lon - 105, lat - 35);
      const radLat = lat / 180 * PI$1;
      let magic = sin$1(radLat);
      magic = 1 - ee * magic * magic;
      const sqrtMagic = sqrt$1(magic);
      dLon = dLon * 180 / (a / sqrtMagic * cos$1(radLat) * PI$1);
      dLat = dLat * 180 / (a * (1 - ee) / (magic * sqrtMagic) * PI$1);
      return [dLon, dLat];
    }
    function WGS84ToGCJ02(coord) {
      const [lon, lat] = coord;
      if (!isInChinaBbox(lon, lat))
        return [lon, lat];
      const d = delta(lon, lat);
      return [lon + d[0], lat + d[1]];
    }
    function GCJ02ToWGS84(coord) {
      const [lon, lat] = coord;
      if (!isInChinaBbox(lon, lat))
        return [lon, lat];
      let [wgsLon, wgsLat] = [lon, lat];
      let tempPoint = WGS84ToGCJ02([wgsLon, wgsLat]);
      let dx = tempPoint[0] - lon;
      let dy = tempPoint[1] - lat;
      while (abs$1(dx) > 1e-6 || abs$1(dy) > 1e-6) {
        wgsLon -= dx;
        wgsLat -= dy;
        tempPoint = WGS84ToGCJ02([wgsLon, wgsLat]);
        dx = tempPoint[0] - lon;
        dy = tempPoint[1] - lat;
      }
      return [wgsLon, wgsLat];
    }
    var { sin, cos, atan2, sqrt, PI } = Math;
    var baiduFactor = PI * 3e3 / 180;
    function BD09ToGCJ02(coord) {
      const [lon, lat] = coord;
      const x = lon - 65e-4;
      const y = lat - 6e-3;
      const z = sqrt(x * x + y * y) - 2e-5 * sin(y * baiduFactor);
      const theta = atan2(y, x) - 3e-6 * cos(x * baiduFactor);
      const newLon = z * cos(theta);
      const newLat = z * sin(theta);
      return [newLon, newLat];
    }
    function GCJ02ToBD09(coord) {
      const [lon, lat] = coord;
      const x = lon;
      const y = lat;
      const z = sqrt(x * x + y * y) + 2e-5 * sin(y * baiduFactor);
      const theta = atan2(y, x) + 3e-6 * cos(x * baiduFactor);
      const newLon = z * cos(theta) + 65e-4;
      const newLat = z * sin(theta) + 6e-3;
      return [newLon, newLat];
    }
    var R2D = 180 / Math.PI;
    var D2R = Math.PI / 180;
    var A = 6378137;
    var MAXEXTENT = 20037508342789244e-9;
    function EPSG3857ToWGS84(xy) {
      return [
        xy[0] * R2D / A,
        (Math.PI * 0.5 - 2 * Math.atan(Math.exp(-xy[1] / A))) * R2D
      ];
    }
    function WGS84ToEPSG3857(lonLat) {
      const adjusted = Math.abs(lonLat[0]) <= 180 ? lonLat[0] : lonLat[0] - (lonLat[0] < 0 ? -1 : 1) * 360;
      const xy = [
        A * adjusted * D2R,
        A * Math.log(Math.tan(Math.PI * 0.25 + 0.5 * lonLat[1] * D2R))
      ];
      if (xy[0] > MAXEXTENT)
        xy[0] = MAXEXTENT;
      if (xy[0] < -MAXEXTENT)
        xy[0] = -MAXEXTENT;
      if (xy[1] > MAXEXTENT)
        xy[1] = MAXEXTENT;
      if (xy[1] < -MAXEXTENT)
        xy[1] = -MAXEXTENT;
      return xy;
    }
    var { abs } = Math;
    var MCBAND = [1289059486e-2, 836237787e-2, 5591021, 348198983e-2, 167804312e-2, 0];
    var LLBAND = [75, 60, 45, 30, 15, 0];
    var MC2LL = [
      [
        1410526172116255e-23,
        898305509648872e-20,
        -1.9939833816331,
        200.9824383106796,
        -187.2403703815547,
        91.6087516669843,
        -23.38765649603339,
        2.57121317296198,
        -0.03801003308653,
        173379812e-1
      ],
      [
        -7435856389565537e-24,
        8983055097726239e-21,
        -0.78625201886289,
        96.32687599759846,
        -1.85204757529826,
        -59.36935905485877,
        47.40033549296737,
        -16.50741931063887,
        2.28786674699375,
        1026014486e-2
      ],
      [
        -3030883460898826e-23,
        898305509983578e-20,
        0.30071316287616,
        59.74293618442277,
        7.357984074871,
        -25.38371002664745,
        13.45380521110908,
        -3.29883767235584,
        0.32710905363475,
        685681737e-2
      ],
      [
        -1981981304930552e-23,
        8983055099779535e-21,
        0.03278182852591,
        40.31678527705744,
        0.65659298677277,
        -4.44255534477492,
        0.85341911805263,
        0.12923347998204,
        -0.04625736007561,
        448277706e-2
      ],
      [
        309191371068437e-23,
        8983055096812155e-21,
        6995724062e-14,
        23.10934304144901,
        -23663490511e-14,
        -0.6321817810242,
        -0.00663494467273,
        0.03430082397953,
        -0.00466043876332,
        25551644e-1
      ],
      [
        2890871144776878e-24,
        8983055095805407e-21,
        -3068298e-14,
        7.47137025468032,
        -353937994e-14,
        -0.02145144861037,
        -1234426596e-14,
        10322952773e-14,
        -323890364e-14,
        826088.5
      ]
    ];
    var LL2MC = [
      [
        -0.0015702102444,
        111320.7020616939,
        1704480524535203,
        -10338987376042340,
        26112667856603880,
        -35149669176653700,
        26595700718403920,
        -10725012454188240,
        1800819912950474,
        82.5
      ],
      [
        8277824516172526e-19,
        111320.7020463578,
        6477955746671607e-7,
        -4082003173641316e-6,
        1077490566351142e-5,
        -1517187553151559e-5,
        1205306533862167e-5,
        -5124939663577472e-6,
        9133119359512032e-7,
        67.5
      ],
      [
        0.00337398766765,
        111320.7020202162,
        4481351045890365e-9,
        -2339375119931662e-8,
        7968221547186455e-8,
        -1159649932797253e-7,
        9723671115602145e-8,
        -4366194633752821e-8,
        8477230501135234e-9,
        52.5
      ],
      [
        0.00220636496208,
        111320.7020209128,
        51751.86112841131,
        3796837749470245e-9,
        992013.7397791013,
        -122195221711287e-8,
        1340652697009075e-9,
        -620943.6990984312,
        144416.9293806241,
        37.5
      ],
      [
        -3441963504368392e-19,
        111320.7020576856,
        278.2353980772752,
        2485758690035394e-9,
        6070.750963243378,
        54821.18345352118,
        9540.606633304236,
        -2710.55326746645,
        1405.483844121726,
        22.5
      ],
      [
        -3218135878613132e-19,
        111320.7020701615,
        0.00369383431289,
        823725.6402795718,
        0.46104986909093,
        2351.343141331292,
        1.58060784298199,
        8.77738589078284,
        0.37238884252424,
        7.45
      ]
    ];
    function transform$1(x, y, factors) {
      const cc = abs(y) / factors[9];
      let xt = factors[0] + factors[1] * abs(x);
      let yt = factors[2] + factors[3] * cc + factors[4] * Math.pow(cc, 2) + factors[5] * Math.pow(cc, 3) + factors[6] * Math.pow(cc, 4) + factors[7] * Math.pow(cc, 5) + factors[8] * Math.pow(cc, 6);
      xt *= x < 0 ? -1 : 1;
      yt *= y < 0 ? -1 : 1;
      return [xt, yt];
    }
    function BD09toBD09MC(coord) {
      const [lng, lat] = coord;
      let factors = [];
      for (let i = 0; i < LLBAND.length; i++) {
        if (abs(lat) > LLBAND[i]) {
          factors = LL2MC[i];
          break;
        }
      }
      return transform$1(lng, lat, factors);
    }
    function BD09MCtoBD09(coord) {
      const [x, y] = coord;
      let factors = [];
      for (let i = 0; i < MCBAND.length; i++) {
        if (abs(y) >= MCBAND[i]) {
          factors = MC2LL[i];
          break;
        }
      }
      return transform$1(x, y, factors);
    }
    function assert(condition, msg) {
      if (!condition)
        throw new Error(msg);
    }
    function isArray(input) {
      return !!input && Object.prototype.toString.call(input) === "[object Array]";
    }
    function isNumber(input) {
      return !isNaN(Number(input)) && input !== null && !isArray(input);
    }
    function compose(...funcs) {
      const start = funcs.length - 1;
      return function(...args) {
        let i = start;
        let result = funcs[start].apply(null, args);
        while (i--)
          result = funcs[i].call(null, result);
        return result;
      };
    }
    function coordEach(geojson, callback, excludeWrapCoord = false) {
      if (geojson === null)
        return;
      let j;
      let k;
      let l;
      let geometry;
      let coords;
      let stopG;
      let wrapShrink = 0;
      let coordIndex = 0;
      let geometryMaybeCollection;
      let isGeometryCollection;
      const { type } = geojson;
      const isFeatureCollection = type === "FeatureCollection";
      const isFeature = type === "Feature";
      const stop = isFeatureCollection ? geojson.features.length : 1;
      for (let featureIndex = 0; featureIndex < stop; featureIndex++) {
        geometryMaybeCollection = isFeatureCollection ? geojson.features[featureIndex].geometry : isFeature ? geojson.geometry : geojson;
        isGeometryCollection = geometryMaybeCollection ? geometryMaybeCollection.type === "GeometryCollection" : false;
        stopG = isGeometryCollection ? geometryMaybeCollection.geometries.length : 1;
        for (let geomIndex = 0; geomIndex < stopG; geomIndex++) {
          let multiFeatureIndex = 0;
          let geometryIndex = 0;
          geometry = isGeometryCollection ? geometryMaybeCollection.geometries[geomIndex] : geometryMaybeCollection;
          if (geometry === null)
            continue;
          const geomType = geometry.type;
          wrapShrink = excludeWrapCoord && (geomType === "Polygon" || geomType === "MultiPolygon") ? 1 : 0;
          switch (geomType) {
            case null:
              break;
            case "Point":
              coords = geometry.coordinates;
              if (callback(coords, coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                return false;
              coordIndex++;
              multiFeatureIndex++;
              break;
            case "LineString":
            case "MultiPoint":
              coords = geometry.coordinates;
              for (j = 0; j < coords.length; j++) {
                if (callback(coords[j], coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                  return false;
                coordIndex++;
                if (geomType === "MultiPoint")
                  multiFeatureIndex++;
              }
              if (geomType === "LineString")
                multiFeatureIndex++;
              break;
            case "Polygon":
            case "MultiLineString":
              coords = geometry.coordinates;
              for (j = 0; j < coords.length; j++) {
                for (k = 0; k < coords[j].length - wrapShrink; k++) {
                  if (callback(coords[j][k], coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                    return false;
                  coordIndex++;
                }
                if (geomType === "MultiLineString")
                  multiFeatureIndex++;
                if (geomType === "Polygon")
                  geometryIndex++;
              }
              if (geomType === "Polygon")
                multiFeatureIndex++;
              break;
            case "MultiPolygon":
              coords = geometry.coordinates;
              for (j = 0; j < coords.length; j++) {
                geometryIndex = 0;
                for (k = 0; k < coords[j].length; k++) {
                  for (l = 0; l < coords[j][k].length - wrapShrink; l++) {
                    if (callback(coords[j][k][l], coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                      return false;
                    coordIndex++;
                  }
                  geometryIndex++;
                }
                multiFeatureIndex++;
              }
              break;
            case "GeometryCollection":
              for (j = 0; j < geometry.geometries.length; j++) {
                if (coordEach(geometry.geometries[j], callback, excludeWrapCoord) === false)
                  return false;
              }
              break;
            default:
              throw new Error("Unknown Geometry Type");
          }
        }
      }
    }
    var CRSTypes;
    (function(CRSTypes2) {
      CRSTypes2["WGS84"] = "WGS84";
      CRSTypes2["WGS1984"] = "WGS84";
      CRSTypes2["EPSG4326"] = "WGS84";
      CRSTypes2["GCJ02"] = "GCJ02";
      CRSTypes2["AMap"] = "GCJ02";
      CRSTypes2["BD09"] = "BD09";
      CRSTypes2["BD09LL"] = "BD09";
      CRSTypes2["Baidu"] = "BD09";
      CRSTypes2["BMap"] = "BD09";
      CRSTypes2["BD09MC"] = "BD09MC";
      CRSTypes2["BD09Meter"] = "BD09MC";
      CRSTypes2["EPSG3857"] = "EPSG3857";
      CRSTypes2["EPSG900913"] = "EPSG3857";
      CRSTypes2["EPSG102100"] = "EPSG3857";
      CRSTypes2["WebMercator"] = "EPSG3857";
      CRSTypes2["WM"] = "EPSG3857";
    })(CRSTypes || (CRSTypes = {}));
    var WGS84 = {
      to: {
        [CRSTypes.GCJ02]: WGS84ToGCJ02,
        [CRSTypes.BD09]: compose(GCJ02ToBD09, WGS84ToGCJ02),
        [CRSTypes.BD09MC]: compose(BD09toBD09MC, GCJ02ToBD09, WGS84ToGCJ02),
        [CRSTypes.EPSG3857]: WGS84ToEPSG3857
      }
    };
    var GCJ02 = {
      to: {
        [CRSTypes.WGS84]: GCJ02ToWGS84,
        [CRSTypes.BD09]: GCJ02ToBD09,
        [CRSTypes.BD09MC]: compose(BD09toBD09MC, GCJ02ToBD09),
        [CRSTypes.EPSG3857]: compose(WGS84ToEPSG3857, GCJ02ToWGS84)
      }
    };
    var BD09 = {
      to: {
        [CRSTypes.WGS84]: compose(GCJ02ToWGS84, BD09ToGCJ02),
        [CRSTypes.GCJ02]: BD09ToGCJ02,
        [CRSTypes.EPSG3857]: compose(WGS84ToEPSG3857, GCJ02ToWGS84, BD09ToGCJ02),
        [CRSTypes.BD09MC]: BD09toBD09MC
      }
    };
    var EPSG3857 = {
      to: {
        [CRSTypes.WGS84]: EPSG3857ToWGS84,
        [CRSTypes.GCJ02]: compose(WGS84ToGCJ02, EPSG3857ToWGS84),
        [CRSTypes.BD09]: compose(GCJ02ToBD09, WGS84ToGCJ02, EPSG3857ToWGS84),
        [CRSTypes.BD09MC]: compose(BD09toBD09MC, GCJ02ToBD09, WGS84ToGCJ02, EPSG3857ToWGS84)
      }
    };
    var BD09MC = {
      to: {
        [CRSTypes.WGS84]: compose(GCJ02ToWGS84, BD09ToGCJ02, BD09MCtoBD09),
        [CRSTypes.GCJ02]: compose(BD09ToGCJ02, BD09MCtoBD09),
        [CRSTypes.EPSG3857]: compose(WGS84ToEPSG3857, GCJ02ToWGS84, BD09ToGCJ02, BD09MCtoBD09),
        [CRSTypes.BD09]: BD09MCtoBD09
      }
    };
    var crsMap = {
      WGS84,
      GCJ02,
      BD09,
      EPSG3857,
      BD09MC
    };
    var crsMap$1 = crsMap;
    function transform(input, crsFrom, crsTo) {
      assert(!!input, "The args[0] input coordinate is required");
      assert(!!crsFrom, "The args[1] original coordinate system is required");
      assert(!!crsTo, "The args[2] target coordinate system is required");
      if (crsFrom === crsTo)
        return input;
      const from2 = crsMap$1[crsFrom];
      assert(!!from2, `Invalid original coordinate system: ${crsFrom}`);
      const to2 = from2.to[crsTo];
      assert(!!to2, `Invalid target coordinate system: ${crsTo}`);
      const type = typeof input;
      assert(type === "string" || type === "object", `Invalid input coordinate type: ${type}`);
      if (type === "string") {
        try {
          input = JSON.parse(input);
        } catch (e) {
          throw new Error(`Invalid input coordinate: ${input}`);
        }
      }
      let isPosition = false;
      if (isArray(input)) {
        assert(input.length >= 2, `Invalid input coordinate: ${input}`);
        assert(isNumber(input[0]) && isNumber(input[1]), `Invalid input coordinate: ${input}`);
        input = input.map(Number);
        isPosition = true;
      }
      const convert = to2;
      if (isPosition)
        return convert(input);
      coordEach(input, (coord) => {
        [coord[0], coord[1]] = convert(coord);
      });
      return input;
    }
    var exported = Object.assign(Object.assign({}, CRSTypes), {
      // 兼容原来gcoord.WGS84的使用方式
      CRSTypes,
      transform
    });
    module.exports = exported;
  }
});

// node_modules/.pnpm/gcoord@1.0.7/node_modules/gcoord/dist/gcoord.cjs.js
var require_gcoord_cjs = __commonJS({
  "node_modules/.pnpm/gcoord@1.0.7/node_modules/gcoord/dist/gcoord.cjs.js"(exports, module) {
    "use strict";
    var { sin: sin$1, cos: cos$1, sqrt: sqrt$1, abs: abs$1, PI: PI$1 } = Math;
    var a = 6378245;
    var ee = 0.006693421622965823;
    function isInChinaBbox(lon, lat) {
      return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
    }
    function transformLat(x, y) {
      let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt$1(abs$1(x));
      ret += (20 * sin$1(6 * x * PI$1) + 20 * sin$1(2 * x * PI$1)) * 2 / 3;
      ret += (20 * sin$1(y * PI$1) + 40 * sin$1(y / 3 * PI$1)) * 2 / 3;
      ret += (160 * sin$1(y / 12 * PI$1) + 320 * sin$1(y * PI$1 / 30)) * 2 / 3;
      return ret;
    }
    function transformLon(x, y) {
      let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt$1(abs$1(x));
      ret += (20 * sin$1(6 * x * PI$1) + 20 * sin$1(2 * x * PI$1)) * 2 / 3;
      ret += (20 * sin$1(x * PI$1) + 40 * sin$1(x / 3 * PI$1)) * 2 / 3;
      ret += (150 * sin$1(x / 12 * PI$1) + 300 * sin$1(x / 30 * PI$1)) * 2 / 3;
      return ret;
    }
    function delta(lon, lat) {
      let dLon = transformLon(lon - 105, lat - 35);
      let dLat = transformLat(lon - 105, lat - 35);
      const radLat = lat / 180 * PI$1;
      let magic = sin$1(radLat);
      magic = 1 - ee * magic * magic;
      const sqrtMagic = sqrt$1(magic);
      dLon = dLon * 180 / (a / sqrtMagic * cos$1(radLat) * PI$1);
      dLat = dLat * 180 / (a * (1 - ee) / (magic * sqrtMagic) * PI$1);
      return [dLon, dLat];
    }
    function WGS84ToGCJ02(coord) {
      const [lon, lat] = coord;
      if (!isInChinaBbox(lon, lat))
        return [lon, lat];
      const d = delta(lon, lat);
      return [lon + d[0], lat + d[1]];
    }
    function GCJ02ToWGS84(coord) {
      const [lon, lat] = coord;
      if (!isInChinaBbox(lon, lat))
        return [lon, lat];
      let [wgsLon, wgsLat] = [lon, lat];
      let tempPoint = WGS84ToGCJ02([wgsLon, wgsLat]);
      let dx = tempPoint[0] - lon;
      let dy = tempPoint[1] - lat;
      while (abs$1(dx) > 1e-6 || abs$1(dy) > 1e-6) {
        wgsLon -= dx;
        wgsLat -= dy;
        tempPoint = WGS84ToGCJ02([wgsLon, wgsLat]);
        dx = tempPoint[0] - lon;
        dy = tempPoint[1] - lat;
      }
      return [wgsLon, wgsLat];
    }
    var { sin, cos, atan2, sqrt, PI } = Math;
    var baiduFactor = PI * 3e3 / 180;
    function BD09ToGCJ02(coord) {
      const [lon, lat] = coord;
      const x = lon - 65e-4;
      const y = lat - 6e-3;
      const z = sqrt(x * x + y * y) - 2e-5 * sin(y * baiduFactor);
      const theta = atan2(y, x) - 3e-6 * cos(x * baiduFactor);
      const newLon = z * cos(theta);
      const newLat = z * sin(theta);
      return [newLon, newLat];
    }
    function GCJ02ToBD09(coord) {
      const [lon, lat] = coord;
      const x = lon;
      const y = lat;
      const z = sqrt(x * x + y * y) + 2e-5 * sin(y * baiduFactor);
      const theta = atan2(y, x) + 3e-6 * cos(x * baiduFactor);
      const newLon = z * cos(theta) + 65e-4;
      const newLat = z * sin(theta) + 6e-3;
      return [newLon, newLat];
    }
    var R2D = 180 / Math.PI;
    var D2R = Math.PI / 180;
    var A = 6378137;
    var MAXEXTENT = 20037508342789244e-9;
    function EPSG3857ToWGS84(xy) {
      return [
        xy[0] * R2D / A,
        (Math.PI * 0.5 - 2 * Math.atan(Math.exp(-xy[1] / A))) * R2D
      ];
    }
    function WGS84ToEPSG3857(lonLat) {
      const adjusted = Math.abs(lonLat[0]) <= 180 ? lonLat[0] : lonLat[0] - (lonLat[0] < 0 ? -1 : 1) * 360;
      const xy = [
        A * adjusted * D2R,
        A * Math.log(Math.tan(Math.PI * 0.25 + 0.5 * lonLat[1] * D2R))
      ];
      if (xy[0] > MAXEXTENT)
        xy[0] = MAXEXTENT;
      if (xy[0] < -MAXEXTENT)
        xy[0] = -MAXEXTENT;
      if (xy[1] > MAXEXTENT)
        xy[1] = MAXEXTENT;
      if (xy[1] < -MAXEXTENT)
        xy[1] = -MAXEXTENT;
      return xy;
    }
    var { abs } = Math;
    var MCBAND = [1289059486e-2, 836237787e-2, 5591021, 348198983e-2, 167804312e-2, 0];
    var LLBAND = [75, 60, 45, 30, 15, 0];
    var MC2LL = [
      [
        1410526172116255e-23,
        898305509648872e-20,
        -1.9939833816331,
        200.9824383106796,
        -187.2403703815547,
        91.6087516669843,
        -23.38765649603339,
        2.57121317296198,
        -0.03801003308653,
        173379812e-1
      ],
      [
        -7435856389565537e-24,
        8983055097726239e-21,
        -0.78625201886289,
        96.32687599759846,
        -1.85204757529826,
        -59.36935905485877,
        47.40033549296737,
        -16.50741931063887,
        2.28786674699375,
        1026014486e-2
      ],
      [
        -3030883460898826e-23,
        898305509983578e-20,
        0.30071316287616,
        59.74293618442277,
        7.357984074871,
        -25.38371002664745,
        13.45380521110908,
        -3.29883767235584,
        0.32710905363475,
        685681737e-2
      ],
      [
        -1981981304930552e-23,
        8983055099779535e-21,
        0.03278182852591,
        40.31678527705744,
        0.65659298677277,
        -4.44255534477492,
        0.85341911805263,
        0.12923347998204,
        -0.04625736007561,
        448277706e-2
      ],
      [
        309191371068437e-23,
        8983055096812155e-21,
        6995724062e-14,
        23.10934304144901,
        -23663490511e-14,
        -0.6321817810242,
        -0.00663494467273,
        0.03430082397953,
        -0.00466043876332,
        25551644e-1
      ],
      [
        2890871144776878e-24,
        8983055095805407e-21,
        -3068298e-14,
        7.47137025468032,
        -353937994e-14,
        -0.02145144861037,
        -1234426596e-14,
        10322952773e-14,
        -323890364e-14,
        826088.5
      ]
    ];
    var LL2MC = [
      [
        -0.0015702102444,
        111320.7020616939,
        1704480524535203,
        -10338987376042340,
        26112667856603880,
        -35149669176653700,
        26595700718403920,
        -10725012454188240,
        1800819912950474,
        82.5
      ],
      [
        8277824516172526e-19,
        111320.7020463578,
        6477955746671607e-7,
        -4082003173641316e-6,
        1077490566351142e-5,
        -1517187553151559e-5,
        1205306533862167e-5,
        -5124939663577472e-6,
        9133119359512032e-7,
        67.5
      ],
      [
        0.00337398766765,
        111320.7020202162,
        4481351045890365e-9,
        -2339375119931662e-8,
        7968221547186455e-8,
        -1159649932797253e-7,
        9723671115602145e-8,
        -4366194633752821e-8,
        8477230501135234e-9,
        52.5
      ],
      [
        0.00220636496208,
        111320.7020209128,
        51751.86112841131,
        3796837749470245e-9,
        992013.7397791013,
        -122195221711287e-8,
        1340652697009075e-9,
        -620943.6990984312,
        144416.9293806241,
        37.5
      ],
      [
        -3441963504368392e-19,
        111320.7020576856,
        278.2353980772752,
        2485758690035394e-9,
        6070.750963243378,
        54821.18345352118,
        9540.606633304236,
        -2710.55326746645,
        1405.483844121726,
        22.5
      ],
      [
        -3218135878613132e-19,
        111320.7020701615,
        0.00369383431289,
        823725.6402795718,
        0.46104986909093,
        2351.343141331292,
        1.58060784298199,
        8.77738589078284,
        0.37238884252424,
        7.45
      ]
    ];
    function transform$1(x, y, factors) {
      const cc = abs(y) / factors[9];
      let xt = factors[0] + factors[1] * abs(x);
      let yt = factors[2] + factors[3] * cc + factors[4] * Math.pow(cc, 2) + factors[5] * Math.pow(cc, 3) + factors[6] * Math.pow(cc, 4) + factors[7] * Math.pow(cc, 5) + factors[8] * Math.pow(cc, 6);
      xt *= x < 0 ? -1 : 1;
      yt *= y < 0 ? -1 : 1;
      return [xt, yt];
    }
    function BD09toBD09MC(coord) {
      const [lng, lat] = coord;
      let factors = [];
      for (let i = 0; i < LLBAND.length; i++) {
        if (abs(lat) > LLBAND[i]) {
          factors = LL2MC[i];
          break;
        }
      }
      return transform$1(lng, lat, factors);
    }
    function BD09MCtoBD09(coord) {
      const [x, y] = coord;
      let factors = [];
      for (let i = 0; i < MCBAND.length; i++) {
        if (abs(y) >= MCBAND[i]) {
          factors = MC2LL[i];
          break;
        }
      }
      return transform$1(x, y, factors);
    }
    function assert(condition, msg) {
      if (!condition)
        throw new Error(msg);
    }
    function isArray(input) {
      return !!input && Object.prototype.toString.call(input) === "[object Array]";
    }
    function isNumber(input) {
      return !isNaN(Number(input)) && input !== null && !isArray(input);
    }
    function compose(...funcs) {
      const start = funcs.length - 1;
      return function(...args) {
        let i = start;
        let result = funcs[start].apply(null, args);
        while (i--)
          result = funcs[i].call(null, result);
        return result;
      };
    }
    function coordEach(geojson, callback, excludeWrapCoord = false) {
      if (geojson === null)
        return;
      let j;
      let k;
      let l;
      let geometry;
      let coords;
      let stopG;
      let wrapShrink = 0;
      let coordIndex = 0;
      let geometryMaybeCollection;
      let isGeometryCollection;
      const { type } = geojson;
      const isFeatureCollection = type === "FeatureCollection";
      const isFeature = type === "Feature";
      const stop = isFeatureCollection ? geojson.features.length : 1;
      for (let featureIndex = 0; featureIndex < stop; featureIndex++) {
        geometryMaybeCollection = isFeatureCollection ? geojson.features[featureIndex].geometry : isFeature ? geojson.geometry : geojson;
        isGeometryCollection = geometryMaybeCollection ? geometryMaybeCollection.type === "GeometryCollection" : false;
        stopG = isGeometryCollection ? geometryMaybeCollection.geometries.length : 1;
        for (let geomIndex = 0; geomIndex < stopG; geomIndex++) {
          let multiFeatureIndex = 0;
          let geometryIndex = 0;
          geometry = isGeometryCollection ? geometryMaybeCollection.geometries[geomIndex] : geometryMaybeCollection;
          if (geometry === null)
            continue;
          const geomType = geometry.type;
          wrapShrink = excludeWrapCoord && (geomType === "Polygon" || geomType === "MultiPolygon") ? 1 : 0;
          switch (geomType) {
            case null:
              break;
            case "Point":
              coords = geometry.coordinates;
              if (callback(coords, coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                return false;
              coordIndex++;
              multiFeatureIndex++;
              break;
            case "LineString":
            case "MultiPoint":
              coords = geometry.coordinates;
              for (j = 0; j < coords.length; j++) {
                if (callback(coords[j], coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                  return false;
                coordIndex++;
                if (geomType === "MultiPoint")
                  multiFeatureIndex++;
              }
              if (geomType === "LineString")
                multiFeatureIndex++;
              break;
            case "Polygon":
            case "MultiLineString":
              coords = geometry.coordinates;
              for (j = 0; j < coords.length; j++) {
                for (k = 0; k < coords[j].length - wrapShrink; k++) {
                  if (callback(coords[j][k], coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                    return false;
                  coordIndex++;
                }
                if (geomType === "MultiLineString")
                  multiFeatureIndex++;
                if (geomType === "Polygon")
                  geometryIndex++;
              }
              if (geomType === "Polygon")
                multiFeatureIndex++;
              break;
            case "MultiPolygon":
              coords = geometry.coordinates;
              for (j = 0; j < coords.length; j++) {
                geometryIndex = 0;
                for (k = 0; k < coords[j].length; k++) {
                  for (l = 0; l < coords[j][k].length - wrapShrink; l++) {
                    if (callback(coords[j][k][l], coordIndex, featureIndex, multiFeatureIndex, geometryIndex) === false)
                      return false;
                    coordIndex++;
                  }
                  geometryIndex++;
                }
                multiFeatureIndex++;
              }
              break;
            case "GeometryCollection":
              for (j = 0; j < geometry.geometries.length; j++) {
                if (coordEach(geometry.geometries[j], callback, excludeWrapCoord) === false)
                  return false;
              }
              break;
            default:
              throw new Error("Unknown Geometry Type");
          }
        }
      }
    }
    var CRSTypes;
    (function(CRSTypes2) {
      CRSTypes2["WGS84"] = "WGS84";
      CRSTypes2["WGS1984"] = "WGS84";
      CRSTypes2["EPSG4326"] = "WGS84";
      CRSTypes2["GCJ02"] = "GCJ02";
      CRSTypes2["AMap"] = "GCJ02";
      CRSTypes2["BD09"] = "BD09";
      CRSTypes2["BD09LL"] = "BD09";
      CRSTypes2["Baidu"] = "BD09";
      CRSTypes2["BMap"] = "BD09";
      CRSTypes2["BD09MC"] = "BD09MC";
      CRSTypes2["BD09Meter"] = "BD09MC";
      CRSTypes2["EPSG3857"] = "EPSG3857";
      CRSTypes2["EPSG900913"] = "EPSG3857";
      CRSTypes2["EPSG102100"] = "EPSG3857";
      CRSTypes2["WebMercator"] = "EPSG3857";
      CRSTypes2["WM"] = "EPSG3857";
    })(CRSTypes || (CRSTypes = {}));
    var WGS84 = {
      to: {
        [CRSTypes.GCJ02]: WGS84ToGCJ02,
        [CRSTypes.BD09]: compose(GCJ02ToBD09, WGS84ToGCJ02),
        [CRSTypes.BD09MC]: compose(BD09toBD09MC, GCJ02ToBD09, WGS84ToGCJ02),
        [CRSTypes.EPSG3857]: WGS84ToEPSG3857
      }
    };
    var GCJ02 = {
      to: {
        [CRSTypes.WGS84]: GCJ02ToWGS84,
        [CRSTypes.BD09]: GCJ02ToBD09,
        [CRSTypes.BD09MC]: compose(BD09toBD09MC, GCJ02ToBD09),
        [CRSTypes.EPSG3857]: compose(WGS84ToEPSG3857, GCJ02ToWGS84)
      }
    };
    var BD09 = {
      to: {
        [CRSTypes.WGS84]: compose(GCJ02ToWGS84, BD09ToGCJ02),
        [CRSTypes.GCJ02]: BD09ToGCJ02,
        [CRSTypes.EPSG3857]: compose(WGS84ToEPSG3857, GCJ02ToWGS84, BD09ToGCJ02),
        [CRSTypes.BD09MC]: BD09toBD09MC
      }
    };
    var EPSG3857 = {
      to: {
        [CRSTypes.WGS84]: EPSG3857ToWGS84,
        [CRSTypes.GCJ02]: compose(WGS84ToGCJ02, EPSG3857ToWGS84),
        [CRSTypes.BD09]: compose(GCJ02ToBD09, WGS84ToGCJ02, EPSG3857ToWGS84),
        [CRSTypes.BD09MC]: compose(BD09toBD09MC, GCJ02ToBD09, WGS84ToGCJ02, EPSG3857ToWGS84)
      }
    };
    var BD09MC = {
      to: {
        [CRSTypes.WGS84]: compose(GCJ02ToWGS84, BD09ToGCJ02, BD09MCtoBD09),
        [CRSTypes.GCJ02]: compose(BD09ToGCJ02, BD09MCtoBD09),
        [CRSTypes.EPSG3857]: compose(WGS84ToEPSG3857, GCJ02ToWGS84, BD09ToGCJ02, BD09MCtoBD09),
        [CRSTypes.BD09]: BD09MCtoBD09
      }
    };
    var crsMap = {
      WGS84,
      GCJ02,
      BD09,
      EPSG3857,
      BD09MC
    };
    var crsMap$1 = crsMap;
    function transform(input, crsFrom, crsTo) {
      assert(!!input, "The args[0] input coordinate is required");
      assert(!!crsFrom, "The args[1] original coordinate system is required");
      assert(!!crsTo, "The args[2] target coordinate system is required");
      if (crsFrom === crsTo)
        return input;
      const from2 = crsMap$1[crsFrom];
      assert(!!from2, `Invalid original coordinate system: ${crsFrom}`);
      const to2 = from2.to[crsTo];
      assert(!!to2, `Invalid target coordinate system: ${crsTo}`);
      const type = typeof input;
      assert(type === "string" || type === "object", `Invalid input coordinate type: ${type}`);
      if (type === "string") {
        try {
          input = JSON.parse(input);
        } catch (e) {
          throw new Error(`Invalid input coordinate: ${input}`);
        }
      }
      let isPosition = false;
      if (isArray(input)) {
        assert(input.length >= 2, `Invalid input coordinate: ${input}`);
        assert(isNumber(input[0]) && isNumber(input[1]), `Invalid input coordinate: ${input}`);
        input = input.map(Number);
        isPosition = true;
      }
      const convert = to2;
      if (isPosition)
        return convert(input);
      coordEach(input, (coord) => {
        [coord[0], coord[1]] = convert(coord);
      });
      return input;
    }
    var exported = Object.assign(Object.assign({}, CRSTypes), {
      // 兼容原来gcoord.WGS84的使用方式
      CRSTypes,
      transform
    });
    module.exports = exported;
  }
});

// node_modules/.pnpm/gcoord@1.0.7/node_modules/gcoord/index.js
var require_gcoord = __commonJS({
  "node_modules/.pnpm/gcoord@1.0.7/node_modules/gcoord/index.js"(exports, module) {
    "use strict";
    if (typeof process === "undefined" || process.env.NODE_ENV === "production") {
      module.exports = require_gcoord_cjs_prod();
    } else {
      module.exports = require_gcoord_cjs();
    }
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
  location: () => location,
  rankAll: () => rankAll,
  score: () => score,
  totalScorer: () => totalScorer
});
import { Schema as Schema4 } from "effect";

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
var make = (code, severity, path, message) => new Finding({ code, severity, path, message }, trusted);
var trusted = { disableValidation: true };
var error = (code, path, message) => make(code, "error", path, message);
var warning = (code, path, message) => make(code, "warning", path, message);
var formatPath = (path) => path.reduce((acc, part) => {
  if (typeof part === "number") return `${acc}[${part}]`;
  const name = String(part);
  return acc === "" ? name : `${acc}.${name}`;
}, "");
var prefix = (findings, path) => findings.map((f) => new Finding({ ...f, path: [...path, ...f.path] }));

// packages/core/src/kernel/Ids.ts
import { Schema as Schema2 } from "effect";
var IdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$/;
var id = (brand, title) => Schema2.String.pipe(
  Schema2.pattern(IdPattern, {
    message: () => `${title} must be 1\u201364 letters, digits, "_", ".", ":", "/" (after a plugin id, as in my-city/x) or "-", starting with a letter or digit`
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
import { DateTime as DateTime2, Schema as Schema3 } from "effect";

// packages/core/src/kernel/internal/zoneOffset.ts
import { DateTime } from "effect";
var dayMs = 864e5;
var changes = Number.NaN;
var states = /* @__PURE__ */ new Map();
var maxDays = 2e5;
var maxStretch = 400;
var lastName = "";
var last;
var stateOf = (timeZone) => {
  if (timeZone === lastName && last !== void 0) return last;
  let state2 = states.get(timeZone);
  if (state2 === void 0) {
    state2 = {
      zone: DateTime.zoneUnsafeMakeNamed(timeZone),
      days: /* @__PURE__ */ new Map(),
      runFrom: 1,
      runTo: 0,
      runOffset: Number.NaN
    };
    states.set(timeZone, state2);
  }
  lastName = timeZone;
  last = state2;
  return state2;
};
var offsetAt = (zone, ms) => DateTime.zonedOffset(DateTime.unsafeMakeZoned(ms, { timeZone: zone }));
var readDay = (state2, utcDay) => {
  const known = state2.days.get(utcDay);
  if (known !== void 0) return known;
  const start = offsetAt(state2.zone, utcDay * dayMs);
  const end = offsetAt(state2.zone, utcDay * dayMs + dayMs - 1);
  const offset = start === end ? start : changes;
  if (state2.days.size >= maxDays) state2.days.clear();
  state2.days.set(utcDay, offset);
  return offset;
};
var dayOffsetIn = (state2, utcDay) => {
  if (utcDay >= state2.runFrom && utcDay <= state2.runTo) return state2.runOffset;
  const offset = readDay(state2, utcDay);
  if (Number.isNaN(offset)) return offset;
  if (state2.runFrom > state2.runTo || state2.runOffset !== offset) {
    if (state2.runTo - state2.runFrom < 1 || state2.runFrom > state2.runTo) {
      state2.runFrom = utcDay;
      state2.runTo = utcDay;
      state2.runOffset = offset;
    }
    return offset;
  }
  if (utcDay > state2.runTo && utcDay - state2.runTo <= maxStretch) {
    let d = state2.runTo + 1;
    while (d < utcDay && readDay(state2, d) === offset) d++;
    if (d === utcDay) state2.runTo = utcDay;
  } else if (utcDay < state2.runFrom && state2.runFrom - utcDay <= maxStretch) {
    let d = state2.runFrom - 1;
    while (d > utcDay && readDay(state2, d) === offset) d--;
    if (d === utcDay) state2.runFrom = utcDay;
  }
  return offset;
};
var offsetOf = (timeZone, ms) => dayOffsetIn(stateOf(timeZone), Math.floor(ms / dayMs));
var instantOfLocal = (timeZone, localMs) => {
  const state2 = stateOf(timeZone);
  const u = Math.floor(localMs / dayMs);
  if (u > state2.runFrom && u < state2.runTo) return localMs - state2.runOffset;
  const o = dayOffsetIn(state2, u);
  if (Number.isNaN(o)) return Number.NaN;
  if (dayOffsetIn(state2, u - 1) !== o || dayOffsetIn(state2, u + 1) !== o) return Number.NaN;
  return localMs - o;
};

// packages/core/src/kernel/LocalDate.ts
var isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
var isRealDate = (year2, month2, day) => Number.isInteger(year2) && Number.isInteger(month2) && Number.isInteger(day) && year2 >= 1 && year2 <= 9999 && month2 >= 1 && month2 <= 12 && day >= 1 && day <= daysInMonth(year2, month2);
var LocalDate = Schema3.String.pipe(
  Schema3.filter(
    (s) => {
      const m = isoDate.exec(s);
      return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) || // the input is not repeated: it may be a birth date or another personal value given in the wrong place
      `is not a real date in the form YYYY-MM-DD (a string of ${[...s].length} characters)`;
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
var toEpochDay = (date2) => daysFromCivil(Number(date2.slice(0, 4)), Number(date2.slice(5, 7)), Number(date2.slice(8, 10)));
var daysFromCivil = (year2, month2, day) => {
  const y = month2 <= 2 ? year2 - 1 : year2;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month2 + (month2 > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};
var two = ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09"];
var fromEpochDay = (epochDay) => {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month2 = mp < 10 ? mp + 3 : mp - 9;
  const year2 = yoe + era * 400 + (month2 <= 2 ? 1 : 0);
  if (!(year2 >= 1e3 && year2 <= 9999)) return make2(year2, month2, day);
  return `${year2}-${month2 < 10 ? two[month2] : month2}-${day < 10 ? two[day] : day}`;
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
  const last2 = anniversary(b.year + years, b.month, b.day);
  const next = anniversary(b.year + years + 1, b.month, b.day);
  return years + daysBetween(last2, on) / daysBetween(last2, next);
};
var anniversary = (year2, month2, day) => isRealDate(year2, month2, day) ? make2(year2, month2, day) : make2(year2, 3, 1);
var dateOfAge = (birthDate, years) => {
  const b = toParts(birthDate);
  return anniversary(b.year + years, b.month, b.day);
};
var fromDateTime = (instant, timeZone = "Asia/Shanghai") => {
  const ms = DateTime2.toEpochMillis(instant);
  const offset = offsetOf(timeZone, ms);
  if (!Number.isNaN(offset)) return fromEpochDay(Math.floor((ms + offset) / 864e5));
  const parts = DateTime2.toParts(DateTime2.unsafeMakeZoned(instant, { timeZone }));
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

// packages/core/src/assessment/internal/compiledTotal.ts
var num = (n) => {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new Error("not representable as a literal");
  if (Object.is(n, -0)) return "(-0)";
  return n < 0 ? `(${String(n)})` : String(n);
};
var str = (s) => {
  if (typeof s !== "string") throw new Error("not representable as a literal");
  return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
};
var bandChain = (x, bands, max) => {
  const sorted = [...bands].sort((a, b) => b.atLeast - a.atLeast);
  let out = num(round2(max * 0));
  for (let k = sorted.length - 1; k >= 0; k--) {
    const b = sorted[k];
    out = `(${x} >= ${num(b.atLeast)} ? ${num(round2(max * b.fraction))} : ${out})`;
  }
  return out;
};
var leafSource = (leaf, max) => {
  const m = leaf.method;
  const read = `(x = v[${str(leaf.id)}])`;
  switch (m._tag) {
    case "YesNo":
      return `(v[${str(leaf.id)}] === true ? ${num(round2(max))} : 0)`;
    case "Scale": {
      const seen = /* @__PURE__ */ new Set();
      let out = "0";
      const firsts = [];
      for (const l of m.levels) {
        if (seen.has(l.level)) continue;
        seen.add(l.level);
        firsts.push(l);
      }
      for (let k = firsts.length - 1; k >= 0; k--) {
        const l = firsts[k];
        out = `(x === ${num(l.level)} ? ${num(round2(max * l.fraction))} : ${out})`;
      }
      return `(${read}, ${out})`;
    }
    case "Ratio":
      return `(${read}, r = typeof x === "number" ? (x >= 0 && x <= 1 ? x : NaN) : typeof x === "object" && x !== null ? (x.denominator === 0 || x.numerator > x.denominator ? NaN : x.numerator / x.denominator) : NaN, ${bandChain("r", m.bands, max)})`;
    case "CountTarget":
      return `(${read}, typeof x !== "number" || x < 0 ? 0 : round2(${num(max)} * Math.min(1, x / ${num(m.target)})))`;
    case "Deduction":
      return `(${read}, typeof x !== "number" || !Number.isInteger(x) || x < 0 ? 0 : x === 0 ? ${num(round2(max))} : round2(Math.max(${num(m.floor)}, ${num(max)} - x * ${num(m.perOccurrence)})))`;
    case "DataSource": {
      const rated = m.bands === void 0 ? `round2(${num(max)} * x)` : bandChain("x", m.bands, max);
      return `((x = s[${str(m.source)}]) === undefined || x < 0 || x > 1 ? 0 : ${rated})`;
    }
    default:
      throw new Error("unknown scoring method");
  }
};
var totalSource = (leaves2) => {
  const lines = leaves2.map((p) => `  t += ${leafSource(p.leaf, p.max)};`);
  return [
    "return function total(inputs) {",
    "  var v = inputs.values, s = inputs.sources, x, r, t = 0;",
    ...lines,
    "  return round2(t);",
    "};"
  ].join("\n");
};
var compileTotal = (leaves2) => {
  try {
    return new Function("round2", totalSource(leaves2))(round2);
  } catch {
    return void 0;
  }
};

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
var Period = class extends Schema4.Class("@zhili/AssessmentPeriod")(
  Schema4.Struct({ label: Schema4.NonEmptyTrimmedString, from: LocalDate, to: LocalDate }).pipe(
    Schema4.filter(
      (p) => p.from <= p.to || { path: ["to"], message: `period ends (${p.to}) before it starts (${p.from})` }
    )
  )
) {
};
var RawValue = Schema4.Union(
  Schema4.Boolean,
  Schema4.Number.pipe(Schema4.finite()),
  Schema4.Struct({
    numerator: Schema4.Number.pipe(Schema4.nonNegative(), Schema4.finite()),
    denominator: Schema4.Number.pipe(Schema4.nonNegative(), Schema4.finite())
  })
);
var RawInputs = class extends Schema4.Class("@zhili/RawInputs")({
  values: Schema4.optionalWith(Schema4.Record({ key: Schema4.String, value: RawValue }), { default: () => ({}) }),
  sources: Schema4.optionalWith(Schema4.Record({ key: Schema4.String, value: Schema4.Number.pipe(Schema4.finite()) }), {
    default: () => ({})
  })
}) {
};
var IndicatorScore = class extends Schema4.Class("@zhili/IndicatorScore")({
  indicator: IndicatorId,
  name: Schema4.String,
  path: Schema4.Array(IndicatorId),
  names: Schema4.Array(Schema4.String),
  kind: Schema4.Literal("leaf", "group"),
  maxPoints: Schema4.Number,
  points: Schema4.Number,
  lost: Schema4.Number,
  reason: Schema4.String
}) {
};
var ScoreSheet = class extends Schema4.Class("@zhili/ScoreSheet")({
  system: IndicatorSystemId,
  fullMarks: Schema4.Number,
  total: Schema4.Number,
  lost: Schema4.Number,
  lines: Schema4.Array(IndicatorScore),
  findings: Schema4.Array(Finding)
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
      const level2 = m.levels.find((l) => l.level === value2);
      if (level2 === void 0) return wrong(`one of the levels ${m.levels.map((l) => l.level).join(", ")}`);
      return { points: max * level2.fraction, reason: `level ${value2} is worth ${pct(level2.fraction)}` };
    }
    case "Ratio": {
      if (value2 === void 0) return missing("a ratio");
      let ratio;
      let shown;
      if (typeof value2 === "number") {
        if (value2 < 0 || value2 > 1) return wrong("a ratio between 0 and 1");
        ratio = value2;
        shown = `ratio ${round2(value2)}`;
      } else if (typeof value2 === "object" && value2 !== null) {
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
  const maxOf = maxPointsOf(system2);
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
          new IndicatorScore(
            {
              indicator: i.id,
              name: i.name,
              path: ipath,
              names: inames,
              kind: "leaf",
              maxPoints: leafMax,
              points: p,
              lost: round2(leafMax - p),
              reason: o.reason
            },
            trusted2
          )
        );
        points += p;
        maxSum += leafMax;
      } else {
        const at = lines.length;
        const sub = walk(i.children, ipath, inames, own);
        const lostHere = [];
        for (let k = at; k < lines.length; k++) {
          const l = lines[k];
          if (l.kind === "leaf" && l.lost > 0) lostHere.push(l.indicator);
        }
        lines.splice(
          at,
          0,
          new IndicatorScore(
            {
              indicator: i.id,
              name: i.name,
              path: ipath,
              names: inames,
              kind: "group",
              maxPoints: round2(sub.max),
              points: round2(sub.points),
              lost: round2(sub.max - sub.points),
              reason: lostHere.length === 0 ? "full points" : `points lost in ${lostHere.join(", ")}`
            },
            trusted2
          )
        );
        points += sub.points;
        maxSum += sub.max;
      }
    }
    return { points, max: maxSum };
  };
  const t = walk(system2.indicators, [], [], system2.fullMarks);
  return new ScoreSheet(
    {
      system: system2.id,
      fullMarks: system2.fullMarks,
      total: round2(t.points),
      lost: round2(t.max - t.points),
      lines,
      findings
    },
    trusted2
  );
};
var totalScorer = (system2, options2) => {
  const maxOf = maxPointsOf(system2);
  const placed = [];
  const walk = (xs, max) => {
    for (const i of xs) {
      const own = max * i.weight;
      if (i._tag === "Leaf") placed.push({ leaf: i, max: maxOf.get(i.id) ?? own });
      else walk(i.children, own);
    }
  };
  walk(system2.indicators, system2.fullMarks);
  if (options2?.compile !== false) {
    const compiled = compileTotal(placed);
    if (compiled !== void 0) return compiled;
  }
  const leaves2 = placed.map((p) => leafPoints(p.leaf, p.max));
  return (inputs2) => {
    let total = 0;
    for (const points of leaves2) total += points(inputs2);
    return round2(total);
  };
};
var bandFraction = (bands) => {
  const sorted = [...bands].sort((a, b) => b.atLeast - a.atLeast);
  return (value2) => {
    for (const b of sorted) if (value2 >= b.atLeast) return b.fraction;
    return 0;
  };
};
var leafPoints = (leaf, max) => {
  const m = leaf.method;
  const id2 = leaf.id;
  switch (m._tag) {
    case "YesNo":
      return (inputs2) => inputs2.values[id2] === true ? round2(max) : 0;
    case "Scale": {
      const fractions = /* @__PURE__ */ new Map();
      for (const l of m.levels)
        if (!fractions.has(l.level) && !Number.isNaN(l.level)) fractions.set(l.level, l.fraction);
      return (inputs2) => {
        const value2 = inputs2.values[id2];
        const f = typeof value2 === "number" ? fractions.get(value2) : void 0;
        return f === void 0 ? 0 : round2(max * f);
      };
    }
    case "Ratio": {
      const fraction = bandFraction(m.bands);
      return (inputs2) => {
        const value2 = inputs2.values[id2];
        let ratio;
        if (typeof value2 === "number") {
          if (!(value2 >= 0 && value2 <= 1)) return 0;
          ratio = value2;
        } else if (typeof value2 === "object" && value2 !== null) {
          if (value2.denominator === 0 || value2.numerator > value2.denominator) return 0;
          ratio = value2.numerator / value2.denominator;
        } else return 0;
        return round2(max * fraction(ratio));
      };
    }
    case "CountTarget":
      return (inputs2) => {
        const value2 = inputs2.values[id2];
        return typeof value2 !== "number" || value2 < 0 ? 0 : round2(max * Math.min(1, value2 / m.target));
      };
    case "Deduction":
      return (inputs2) => {
        const value2 = inputs2.values[id2];
        if (typeof value2 !== "number" || !Number.isInteger(value2) || value2 < 0) return 0;
        return value2 === 0 ? round2(max) : round2(Math.max(m.floor, max - value2 * m.perOccurrence));
      };
    case "DataSource": {
      const source = m.source;
      const fraction = m.bands === void 0 ? void 0 : bandFraction(m.bands);
      return (inputs2) => {
        const v = inputs2.sources[source];
        if (v === void 0 || v < 0 || v > 1) return 0;
        return round2(max * (fraction === void 0 ? v : fraction(v)));
      };
    }
  }
};
var trusted2 = { disableValidation: true };
var maxPointsOf = (system2) => {
  const out = /* @__PURE__ */ new Map();
  const walk = (xs, max) => {
    for (const i of xs) {
      const own = max * i.weight;
      if (i._tag === "Leaf") out.set(i.id, own);
      else walk(i.children, own);
    }
  };
  walk(system2.indicators, system2.fullMarks);
  return out;
};
var explain = (sheet) => sheet.lines.filter((l) => l.kind === "leaf" && l.lost > 0).map((l) => `${l.names.join(" > ")}: lost ${pts(l.lost)} of ${pts(l.maxPoints)} points \u2014 ${l.reason}`);
var Assessment = class extends Schema4.Class("@zhili/Assessment")({
  id: AssessmentId,
  tenant: TenantId,
  subject: OrgUnitId,
  period: Period,
  system: IndicatorSystemId,
  inputs: RawInputs,
  scores: Schema4.Array(IndicatorScore),
  total: Schema4.Number,
  rank: Schema4.optional(Schema4.Int.pipe(Schema4.positive()))
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
var location = (self, orgPath) => locate(self.tenant, self.subject, orgPath);

// packages/core/src/plugin/Plugin.ts
var import_semver = __toESM(require_semver2(), 1);
import { Context, Effect as Effect2, Either as Either2, Layer, Schema as Schema7 } from "effect";

// packages/core/src/kernel/Decode.ts
import { Cause, Effect, Either, Option, Runtime, Schema as Schema6, SchemaAST } from "effect";
import { ArrayFormatter } from "effect/ParseResult";

// packages/core/src/kernel/Errors.ts
import { Schema as Schema5 } from "effect";
var DecodeIssue = class extends Schema5.Class("@zhili/DecodeIssue")({
  path: Path,
  message: Schema5.String
}) {
};
var DecodeError = class extends Schema5.TaggedError()("DecodeError", {
  subject: Schema5.String,
  issues: Schema5.Array(DecodeIssue)
}) {
  get message() {
    const listed = this.issues.slice(0, 5).map((i) => i.path.length === 0 ? i.message : `${formatPath(i.path)}: ${i.message}`).join("; ");
    const more = this.issues.length > 5 ? ` (and ${this.issues.length - 5} more)` : "";
    return `invalid ${this.subject}: ${listed}${more}`;
  }
};
var VersionConflict = class extends Schema5.TaggedError()("VersionConflict", {
  entity: Schema5.String,
  id: Schema5.String,
  expected: Schema5.Number,
  actual: Schema5.Number
}) {
  get message() {
    return `${this.entity} ${this.id}: expected version ${this.expected} but the stored version is ${this.actual}; reload and retry`;
  }
};
var NotFoundOrNotPermitted = class extends Schema5.TaggedError()("NotFoundOrNotPermitted", {
  entity: Schema5.String,
  id: Schema5.String
}) {
  get message() {
    return `${this.entity} ${this.id}: not found or not permitted`;
  }
};
var InvalidInput = class extends Schema5.TaggedError()("InvalidInput", {
  code: Schema5.String,
  path: Path,
  reason: Schema5.String
}) {
  get message() {
    return this.path.length === 0 ? `${this.code}: ${this.reason}` : `${this.code} at ${formatPath(this.path)}: ${this.reason}`;
  }
};

// packages/core/src/kernel/Decode.ts
var describeActual = (shown) => {
  const text = shown.trim();
  if (text === "true" || text === "false" || text === "null" || text === "undefined") return text;
  if (text.startsWith('"')) {
    try {
      const value2 = JSON.parse(text);
      if (typeof value2 === "string") return `a string of ${[...value2].length} characters`;
    } catch {
    }
    return "a string";
  }
  if (text.startsWith("[")) return "an array";
  if (text.startsWith("{")) return "an object";
  if (/^-?(\d|NaN|Infinity)/.test(text)) return "a number";
  return "a value";
};
var issuesOf = (error2) => ArrayFormatter.formatErrorSync(error2).map(
  (issue) => new DecodeIssue({
    path: issue.path.map((p) => typeof p === "number" ? p : String(p)),
    message: issue.message.replace(/\bactual ([\s\S]*)$/, (_, shown) => `actual ${describeActual(shown)}`)
  })
);
var isStackOverflow = (e) => {
  const thrown = Runtime.isFiberFailure(e) ? Cause.squash(e[Runtime.FiberFailureCauseId]) : e;
  return thrown instanceof RangeError && /call stack/i.test(thrown.message);
};
var shownSegments = 4;
var nesting = (input) => {
  let deepest = { value: input, depth: 0, parent: void 0, key: "" };
  const stack = [deepest];
  const seen = /* @__PURE__ */ new Set();
  while (stack.length > 0) {
    const frame = stack.pop();
    const v = frame.value;
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    const here = { ...frame, depth: frame.depth + 1 };
    if (here.depth > deepest.depth) deepest = here;
    const entries = Array.isArray(v) ? v.map((e, i) => [i, e]) : Object.entries(v);
    for (const [key, value2] of entries) stack.push({ value: value2, depth: here.depth, parent: here, key });
  }
  const path = [];
  for (let f = deepest; f?.parent !== void 0; f = f.parent) path.push(f.key);
  return { depth: deepest.depth, path: path.reverse() };
};
var nestingIssue = (input, prefix2 = []) => {
  const { depth, path } = nesting(input);
  const shown = path.slice(0, shownSegments);
  return new DecodeIssue({
    path: [...prefix2, ...shown],
    message: `nested ${depth} levels deep${path.length > shown.length ? " below here" : ""}: too deep to decode`
  });
};
var toDecodeError = (subject, error2) => new DecodeError({ subject, issues: issuesOf(error2) });
var toFindings = (error2, code = "decode/invalid") => issuesOf(error2).map((i) => new Finding({ code, severity: "error", path: i.path, message: i.message }));
var decodeEither = (schema, subject) => (input) => {
  try {
    return Schema6.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })(input).pipe(
      Either.mapLeft((e) => toDecodeError(subject ?? schemaName(schema), e))
    );
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return Either.left(new DecodeError({ subject: subject ?? schemaName(schema), issues: [nestingIssue(input)] }));
  }
};
var validate = (schema) => (input) => {
  try {
    return Schema6.decodeUnknownEither(schema, { errors: "all" })(input).pipe(Either.mapLeft((e) => toFindings(e)));
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    const issue = nestingIssue(input);
    return Either.left([
      new Finding({ code: "decode/too-deep", severity: "error", path: issue.path, message: issue.message })
    ]);
  }
};
var schemaName = (schema) => {
  const ast = SchemaAST.isTransformation(schema.ast) ? schema.ast.to : schema.ast;
  return SchemaAST.getIdentifierAnnotation(ast).pipe(
    Option.orElse(() => SchemaAST.getTitleAnnotation(ast)),
    Option.getOrElse(() => "input")
  );
};

// packages/core/src/plugin/Plugin.ts
var extensionPoint = (options2) => options2;
var contribute = (point, values, options2 = {}) => ({ point: point.id, values, override: options2.override });
var PluginHeader = Schema7.Struct({
  id: Schema7.String.pipe(
    Schema7.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
      message: () => "a plugin id is lower-case words joined by '-', e.g. calendar-cn"
    })
  ),
  version: Schema7.String.pipe(
    Schema7.filter((v) => import_semver.default.valid(v) !== null || `"${v}" is not a semantic version like 1.2.3`)
  ),
  description: Schema7.String.pipe(Schema7.minLength(1, { message: () => "a plugin needs a description" })),
  requires: Schema7.optional(
    Schema7.Struct({
      core: Schema7.optional(Schema7.String),
      plugins: Schema7.optional(Schema7.Record({ key: Schema7.String, value: Schema7.String }))
    })
  ),
  contributes: Schema7.Array(
    Schema7.Struct({
      point: Schema7.String,
      values: Schema7.Array(Schema7.Unknown),
      override: Schema7.optional(Schema7.Boolean)
    })
  )
});
var InvalidPlugin = class extends Schema7.TaggedError()("InvalidPlugin", {
  plugin: Schema7.String,
  issues: Schema7.Array(DecodeIssue)
}) {
  get message() {
    const first = this.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return `plugin ${this.plugin} is invalid: ${first}${this.issues.length > 3 ? ` (and ${this.issues.length - 3} more)` : ""}`;
  }
};
var PluginConflict = class extends Schema7.TaggedError()("PluginConflict", {
  point: Schema7.String,
  key: Schema7.String,
  first: Schema7.String,
  second: Schema7.String
}) {
  get message() {
    return `plugins ${this.first} and ${this.second} both define ${this.point} "${this.key}"; mark the later contribution as an override if it is meant to replace the earlier one`;
  }
};
var MissingDependency = class extends Schema7.TaggedError()("MissingDependency", {
  plugin: Schema7.String,
  requires: Schema7.String,
  range: Schema7.String,
  reason: Schema7.Literal("absent", "after")
}) {
  get message() {
    return this.reason === "absent" ? `plugin ${this.plugin} requires plugin ${this.requires} ${this.range}, which is not installed` : `plugin ${this.plugin} requires plugin ${this.requires} ${this.range}; list ${this.requires} before ${this.plugin}`;
  }
};
var IncompatibleVersion = class extends Schema7.TaggedError()("IncompatibleVersion", {
  plugin: Schema7.String,
  requires: Schema7.String,
  range: Schema7.String,
  found: Schema7.String
}) {
  get message() {
    return `plugin ${this.plugin} requires ${this.requires} ${this.range}, but ${this.found} is installed`;
  }
};
var DuplicatePlugin = class extends Schema7.TaggedError()("DuplicatePlugin", {
  plugin: Schema7.String
}) {
  get message() {
    return `plugin ${this.plugin} is listed twice`;
  }
};
var Plugins = class extends Context.Tag("@zhili/core/Plugins")() {
};

// packages/core/src/kernel/Privacy.ts
import { Redacted, Schema as Schema8 } from "effect";
var SensitiveString = Schema8.Redacted(Schema8.String).annotations({
  identifier: "SensitiveString",
  title: "sensitive text (held redacted)"
});
var MaskPolicy = class extends Schema8.Class("@zhili/MaskPolicy")({
  keepStart: Schema8.NonNegativeInt,
  keepEnd: Schema8.NonNegativeInt,
  maskChar: Schema8.optionalWith(Schema8.String.pipe(Schema8.length(1)), { default: () => "*" }),
  fixedLength: Schema8.optional(Schema8.NonNegativeInt)
}) {
};
var defaultIdNumberMask = new MaskPolicy({ keepStart: 6, keepEnd: 4, maskChar: "*" });
var strictIdNumberMask = new MaskPolicy({ keepStart: 1, keepEnd: 1, maskChar: "*" });
var defaultMobileMask = new MaskPolicy({ keepStart: 3, keepEnd: 4, maskChar: "*" });
var defaultNameMask = new MaskPolicy({ keepStart: 1, keepEnd: 0, maskChar: "*" });
var hideAll = new MaskPolicy({ keepStart: 0, keepEnd: 0, maskChar: "*", fixedLength: 3 });
var mask = (value2, policy) => {
  const chars = Array.from(value2);
  let keepStart = policy.keepStart;
  let keepEnd = policy.keepEnd;
  if (keepStart + keepEnd >= chars.length) {
    keepStart = Math.min(1, keepStart, Math.max(chars.length - 1, 0));
    keepEnd = 0;
  }
  const hidden = chars.length - keepStart - keepEnd;
  const stars = policy.maskChar.repeat(policy.fixedLength ?? hidden);
  return chars.slice(0, keepStart).join("") + stars + (keepEnd > 0 ? chars.slice(chars.length - keepEnd).join("") : "");
};
var unwrap = (value2) => Redacted.isRedacted(value2) ? Redacted.value(value2) : value2;
var maskIdNumber = (value2, policy = defaultIdNumberMask) => mask(unwrap(value2), policy);
var maskMobile = (value2, policy = defaultMobileMask) => mask(
  unwrap(value2).replace(/[\s-]/g, "").replace(/^\+?86(?=1\d{10}$)/, ""),
  policy
);
var maskName = (value2, policy = defaultNameMask) => mask(unwrap(value2), policy);
var maskText = (value2, policy = hideAll) => mask(unwrap(value2), policy);
var minorAgeThreshold = 14;
var isProtectedMinor = (birthDate, on, threshold = minorAgeThreshold) => ageInYears(birthDate, on) < threshold;
var Disclosure = class extends Schema8.Class("@zhili/Disclosure")({
  reason: Schema8.Trim.pipe(
    Schema8.minLength(4, { message: () => "a disclosure needs a reason of at least 4 characters" })
  ),
  fields: Schema8.optional(Schema8.Array(Schema8.Literal("idNumber", "phone", "name", "healthNote", "minor")))
}) {
};
var present = (value2, field, options2 = {}) => {
  const disclosure = options2.disclosure;
  if (disclosure !== void 0 && (disclosure.fields === void 0 || disclosure.fields.includes(field))) {
    return unwrap(value2);
  }
  switch (field) {
    case "idNumber":
      return maskIdNumber(value2, options2.policy);
    case "phone":
      return maskMobile(value2, options2.policy);
    case "name":
      return maskName(value2, options2.policy);
    case "healthNote":
    case "minor":
      return maskText(value2, options2.policy);
  }
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
  location: () => location2,
  make: () => make3,
  systemsPoint: () => systemsPoint
});
import { Either as Either3, Schema as Schema9 } from "effect";
var defaultTolerance = 1e-6;
var DataSourceKey = Schema9.String.pipe(
  Schema9.pattern(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, {
    message: () => 'a data-source key is lower-case words in dotted segments, e.g. "case.on-time-rate"'
  }),
  Schema9.brand("@zhili/DataSourceKey"),
  Schema9.annotations({ identifier: "DataSourceKey", title: "data-source key" })
);
var Fraction = Schema9.Number.pipe(
  Schema9.between(0, 1, { message: () => "a fraction lies between 0 and 1" }),
  Schema9.annotations({ identifier: "Fraction" })
);
var Band = Schema9.Struct({ atLeast: Schema9.Number.pipe(Schema9.finite()), fraction: Fraction });
var YesNo = Schema9.TaggedStruct("YesNo", {});
var Scale = Schema9.TaggedStruct("Scale", {
  levels: Schema9.NonEmptyArray(Schema9.Struct({ level: Schema9.Int, fraction: Fraction }))
});
var Ratio = Schema9.TaggedStruct("Ratio", { bands: Schema9.NonEmptyArray(Band) });
var CountTarget = Schema9.TaggedStruct("CountTarget", {
  target: Schema9.Number.pipe(Schema9.positive(), Schema9.finite())
});
var Deduction = Schema9.TaggedStruct("Deduction", {
  perOccurrence: Schema9.Number.pipe(Schema9.positive(), Schema9.finite()),
  floor: Schema9.Number.pipe(Schema9.nonNegative(), Schema9.finite())
});
var DataSource = Schema9.TaggedStruct("DataSource", {
  source: DataSourceKey,
  bands: Schema9.optional(Schema9.NonEmptyArray(Band))
});
var ScoringMethod = Schema9.Union(YesNo, Scale, Ratio, CountTarget, Deduction, DataSource);
var Weight = Schema9.Number.pipe(
  Schema9.greaterThan(0, { message: () => "a weight is greater than 0" }),
  Schema9.lessThanOrEqualTo(1, { message: () => "a weight is at most 1" })
);
var Name = Schema9.NonEmptyTrimmedString;
var Leaf = Schema9.TaggedStruct("Leaf", { id: IndicatorId, name: Name, weight: Weight, method: ScoringMethod });
var Group = Schema9.TaggedStruct("Group", {
  id: IndicatorId,
  name: Name,
  weight: Weight,
  children: Schema9.Array(Schema9.suspend(() => Indicator)).pipe(
    Schema9.minItems(1, { message: () => "a group has at least one child indicator" })
  )
});
var Indicator = Schema9.Union(Leaf, Group);
var Fields = Schema9.Struct({
  id: IndicatorSystemId,
  tenant: TenantId,
  name: Name,
  fullMarks: Schema9.Number.pipe(Schema9.positive(), Schema9.finite()),
  indicators: Schema9.Array(Indicator).pipe(
    Schema9.minItems(1, { message: () => "an indicator system has at least one indicator" })
  )
});
var WeightsDoNotSumToOne = class extends Schema9.TaggedError()("WeightsDoNotSumToOne", {
  system: Schema9.String,
  parent: Schema9.String,
  sum: Schema9.Number,
  path: Schema9.Array(Schema9.Union(Schema9.String, Schema9.Number))
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
var IndicatorSystem = class extends Schema9.Class("@zhili/IndicatorSystem")(
  Fields.pipe(
    Schema9.filter((s) => problemsOf(s, defaultTolerance).map((p) => ({ path: p.path, message: p.message })), {
      identifier: "IndicatorSystem"
    })
  )
) {
};
var make3 = (input, tolerance = defaultTolerance) => {
  const raw = Schema9.decodeUnknownEither(Fields, { errors: "all", onExcessProperty: "ignore" })(input);
  if (Either3.isLeft(raw))
    return Either3.left(new DecodeError({ subject: "IndicatorSystem", issues: issuesOf(raw.left) }));
  const problems2 = problemsOf(raw.right, tolerance);
  const first = problems2[0];
  if (first === void 0) return Either3.right(new IndicatorSystem(raw.right, { disableValidation: true }));
  if (first.sum !== void 0) {
    return Either3.left(
      new WeightsDoNotSumToOne({ system: raw.right.id, parent: first.parent ?? "", sum: first.sum, path: first.path })
    );
  }
  return Either3.left(new InvalidInput({ code: first.code, path: first.path, reason: first.message }));
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
var location2 = (self) => ({ division: self.tenant });
var systemsPoint = extensionPoint({
  id: "assessment.indicatorSystems",
  description: "Indicator systems (\u8003\u6838\u6307\u6807\u4F53\u7CFB): weighted indicator trees with scoring methods, keyed by id.",
  schema: IndicatorSystem,
  key: (s) => s.id
});

// packages/core/src/assessment/Inspection.ts
var Inspection_exports = {};
__export(Inspection_exports, {
  Evidence: () => Evidence,
  Inspection: () => Inspection,
  Limit: () => Limit,
  Rectification: () => Rectification,
  Status: () => Status,
  Suggestion: () => Suggestion,
  UnitKind: () => UnitKind,
  Verification: () => Verification,
  completedOn: () => completedOn,
  limitDeadline: () => limitDeadline,
  location: () => location3,
  outcomeAt: () => outcomeAt,
  overdueAt: () => overdueAt,
  report: () => report,
  signOff: () => signOff
});
import { Either as Either5, Schema as Schema12 } from "effect";

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
import { DateTime as DateTime4, Duration, Either as Either4, Schema as Schema11 } from "effect";

// packages/core/src/kernel/WallClock.ts
import { DateTime as DateTime3, Option as Option2, Schema as Schema10 } from "effect";
var defaultTimeZone = "Asia/Shanghai";
var TimeZoneId = Schema10.String.pipe(
  Schema10.filter((s) => Option2.isSome(DateTime3.zoneMakeNamed(s)) || `"${s}" is not a known IANA time zone`, {
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
var toEpochMillis = (epochDay, secondOfDay, timeZone = defaultTimeZone) => {
  const fast = instantOfLocal(timeZone, epochDay * 864e5 + secondOfDay * 1e3);
  if (!Number.isNaN(fast)) return fast;
  let seconds = secondOfDay;
  let day = epochDay;
  if (seconds >= 86400) {
    day += Math.floor(seconds / 86400);
    seconds = seconds % 86400;
  }
  const key = `${timeZone}|${day}|${seconds}`;
  const cached = instantCache.get(key);
  if (cached !== void 0) return cached.epochMillis;
  const { day: d, month: month2, year: year2 } = toParts(fromEpochDay(day));
  const zoned = DateTime3.unsafeMakeZoned(
    {
      year: year2,
      month: month2,
      day: d,
      hours: Math.floor(seconds / 3600),
      minutes: Math.floor(seconds % 3600 / 60),
      seconds: seconds % 60
    },
    { timeZone: DateTime3.zoneUnsafeMakeNamed(timeZone), adjustForTimeZone: true, disambiguation: "compatible" }
  );
  const instant = DateTime3.toUtc(zoned);
  if (instantCache.size >= instantCacheSize) instantCache.clear();
  instantCache.set(key, instant);
  return instant.epochMillis;
};
var fromInstant = (instant, timeZone = defaultTimeZone) => {
  const ms = DateTime3.toEpochMillis(instant);
  const offset = offsetOf(timeZone, ms);
  if (!Number.isNaN(offset)) {
    const local = ms + offset;
    const day = Math.floor(local / 864e5);
    return { date: fromEpochDay(day), secondOfDay: Math.floor((local - day * 864e5) / 1e3) };
  }
  const p = DateTime3.toParts(DateTime3.unsafeMakeZoned(instant, { timeZone: DateTime3.zoneUnsafeMakeNamed(timeZone) }));
  return { date: make2(p.year, p.month, p.day), secondOfDay: p.hours * 3600 + p.minutes * 60 + p.seconds };
};
var epochDayOf = (epochMillis, timeZone = defaultTimeZone) => {
  const offset = offsetOf(timeZone, epochMillis);
  if (!Number.isNaN(offset)) return Math.floor((epochMillis + offset) / 864e5);
  return toEpochDay(fromInstant(DateTime3.unsafeMake(epochMillis), timeZone).date);
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
var coveredYears = (calendar2) => calendar2.years.map((y) => y.year).sort((a, b) => a - b);
var extend = (calendar2, years) => Either4.gen(function* () {
  const decoded = yield* decodeEither(Schema11.Array(CalendarYear), "CalendarYear")(years);
  const have = new Set(coveredYears(calendar2));
  const clash = decoded.find((y) => have.has(y.year));
  if (clash !== void 0)
    return yield* Either4.left(
      new CalendarConflict({ calendar: calendar2.id, reason: `already has data for ${clash.year}` })
    );
  return yield* decodeEither(
    WorkingCalendar,
    "WorkingCalendar"
  )({
    ...calendar2,
    years: [...calendar2.years, ...decoded]
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
var restrict = (calendar2, years) => new WorkingCalendar({ ...calendar2, years: calendar2.years.filter((y) => years.includes(y.year)) });
var indexes = /* @__PURE__ */ new WeakMap();
var indexOf = (calendar2) => {
  const cached = indexes.get(calendar2);
  if (cached !== void 0) return cached;
  const holidays = /* @__PURE__ */ new Map();
  const makeUp = /* @__PURE__ */ new Map();
  for (const y of calendar2.years) {
    for (const h of y.holidays) holidays.set(h.date, h.name);
    for (const m of y.makeUpDays) makeUp.set(m.date, m.name);
  }
  const index = {
    years: new Set(calendar2.years.map((y) => y.year)),
    covered: coveredYears(calendar2),
    holidays,
    makeUp,
    weekend: new Set(calendar2.weekend)
  };
  indexes.set(calendar2, index);
  return index;
};
var dayIndexes = /* @__PURE__ */ new WeakMap();
var dayIndexOf = (calendar2) => {
  const cached = dayIndexes.get(calendar2);
  if (cached !== void 0) return cached;
  const index = indexOf(calendar2);
  const first = index.covered[0];
  const last2 = index.covered[index.covered.length - 1];
  const base = first === void 0 ? 0 : toEpochDay(make2(first, 1, 1));
  const length = last2 === void 0 ? 0 : toEpochDay(make2(last2, 12, 31)) - base + 1;
  const count = new Int32Array(length + 1);
  const working = [];
  const nextGap = new Int32Array(length);
  const prevGap = new Int32Array(length);
  const gap = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const date2 = fromEpochDay(base + i);
    let works = false;
    if (!index.years.has(Number(date2.slice(0, 4)))) gap[i] = 1;
    else if (index.holidays.has(date2)) works = false;
    else if (index.makeUp.has(date2)) works = true;
    else works = !index.weekend.has(((base + i + 3) % 7 + 7) % 7 + 1);
    if (works) working.push(i);
    count[i + 1] = count[i] + (works ? 1 : 0);
  }
  for (let i = length - 1, g = length; i >= 0; i--) {
    if (gap[i] === 1) g = i;
    nextGap[i] = g;
  }
  for (let i = 0, g = -1; i < length; i++) {
    if (gap[i] === 1) g = i;
    prevGap[i] = g;
  }
  const built = { base, length, count, positions: Int32Array.from(working), nextGap, prevGap };
  dayIndexes.set(calendar2, built);
  return built;
};
var gapAt = (calendar2, epochDay) => {
  const date2 = fromEpochDay(epochDay);
  return new CalendarGap({
    calendar: calendar2.id,
    year: toParts(date2).year,
    date: date2,
    covered: indexOf(calendar2).covered
  });
};
var addWorkingDayNumbers = (calendar2, day, n) => {
  if (n === 0) return day;
  const ix = dayIndexOf(calendar2);
  const pos = day - ix.base;
  if (n > 0) {
    const first2 = pos + 1;
    if (first2 < 0 || first2 >= ix.length) return gapAt(calendar2, ix.base + first2);
    const gap2 = ix.nextGap[first2];
    const rank6 = ix.count[first2] + n - 1;
    if (rank6 >= ix.positions.length) return gapAt(calendar2, ix.base + gap2);
    const at2 = ix.positions[rank6];
    return gap2 <= at2 ? gapAt(calendar2, ix.base + gap2) : ix.base + at2;
  }
  const first = pos - 1;
  if (first < 0 || first >= ix.length) return gapAt(calendar2, ix.base + first);
  const gap = ix.prevGap[first];
  const rank5 = ix.count[first + 1] + n;
  if (rank5 < 0) return gapAt(calendar2, ix.base + gap);
  const at = ix.positions[rank5];
  return gap >= at ? gapAt(calendar2, ix.base + gap) : ix.base + at;
};
var dayKind = (calendar2, date2) => {
  const index = indexOf(calendar2);
  const year2 = toParts(date2).year;
  if (!index.years.has(year2))
    return Either4.left(new CalendarGap({ calendar: calendar2.id, year: year2, date: date2, covered: index.covered }));
  const holiday = index.holidays.get(date2);
  if (holiday !== void 0) return Either4.right({ _tag: "Holiday", name: holiday });
  const makeUp = index.makeUp.get(date2);
  if (makeUp !== void 0) return Either4.right({ _tag: "MakeUpDay", name: makeUp });
  return Either4.right(index.weekend.has(dayOfWeek(date2)) ? { _tag: "Weekend" } : { _tag: "Workday" });
};
var isWorkingDay = (calendar2, date2) => Either4.map(dayKind(calendar2, date2), (k) => k._tag === "Workday" || k._tag === "MakeUpDay");
var nonInteger = (what, n) => new InvalidInput({ code: "calendar/invalid-count", path: [what], reason: `${what} must be a whole number, got ${n}` });
var addWorkingDays = (calendar2, date2, n) => {
  if (!Number.isSafeInteger(n)) return Either4.left(nonInteger("n", n));
  if (n === 0) return Either4.right(date2);
  const day = addWorkingDayNumbers(calendar2, toEpochDay(date2), n);
  return typeof day === "number" ? Either4.right(fromEpochDay(day)) : Either4.left(day);
};
var workingDaysBetween = (calendar2, from2, to2) => {
  const forward = from2 <= to2;
  const a = toEpochDay(from2);
  const b = toEpochDay(to2);
  const [lo, hi] = forward ? [a + 1, b] : [b, a - 1];
  if (lo > hi) return Either4.right(0);
  const ix = dayIndexOf(calendar2);
  const first = lo - ix.base;
  if (first < 0 || first >= ix.length) return Either4.left(gapAt(calendar2, lo));
  const gap = ix.nextGap[first];
  if (gap <= hi - ix.base) return Either4.left(gapAt(calendar2, ix.base + gap));
  const count = ix.count[hi - ix.base + 1] - ix.count[first];
  return Either4.right(forward ? count : -count);
};
var WorkingHours = class extends Schema11.Class("@zhili/WorkingHours")({
  periods: Periods.pipe(Schema11.minItems(1))
}) {
};
var defaultWorkingHours = new WorkingHours({
  periods: [period("09:00", "12:00"), period("13:30", "17:30")]
});
var hoursIndexes = /* @__PURE__ */ new WeakMap();
var hoursIndexOf = (calendar2, hours) => {
  let byHours = hoursIndexes.get(calendar2);
  if (byHours === void 0) {
    byHours = /* @__PURE__ */ new Map();
    hoursIndexes.set(calendar2, byHours);
  }
  const seconds = hours.periods.map((p) => [toSeconds(p.start), toSeconds(p.end)]);
  const key = seconds.join(";");
  const cached = byHours.get(key);
  if (cached !== void 0) return cached;
  const ix = dayIndexOf(calendar2);
  const periods = seconds.length;
  const starts = new Float64Array(ix.length * periods);
  const ends = new Float64Array(ix.length * periods);
  const elapsed2 = new Float64Array(ix.length * periods + 1);
  for (let i = 0; i < ix.length; i++) {
    const works = ix.count[i + 1] > ix.count[i];
    for (let p = 0; p < periods; p++) {
      const k = i * periods + p;
      const [a, b] = seconds[p];
      if (works) {
        starts[k] = toEpochMillis(ix.base + i, a, calendar2.timeZone);
        ends[k] = toEpochMillis(ix.base + i, b, calendar2.timeZone);
      }
      elapsed2[k + 1] = elapsed2[k] + ends[k] - starts[k];
    }
  }
  const built = { periods, starts, ends, elapsed: elapsed2 };
  byHours.set(key, built);
  return built;
};
var elapsedAt = (hx, pos, ms) => {
  let total = hx.elapsed[pos * hx.periods];
  for (let k = pos * hx.periods, end = k + hx.periods; k < end; k++) {
    const a = hx.starts[k];
    const b = hx.ends[k];
    if (ms > a) total += Math.min(ms, b) - a;
  }
  return total;
};
var addWorkingHours = (calendar2, instant, hours, workingHours = defaultWorkingHours) => {
  if (!Number.isFinite(hours) || hours < 0)
    return Either4.left(
      new InvalidInput({
        code: "calendar/invalid-hours",
        path: ["hours"],
        reason: `working hours to add must be a finite number \u2265 0, got ${hours}`
      })
    );
  const left = Math.round(hours * 36e5);
  if (left === 0) return Either4.right(instant);
  const start = DateTime4.toEpochMillis(instant);
  const ix = dayIndexOf(calendar2);
  const day = epochDayOf(start, calendar2.timeZone);
  const pos = day - ix.base;
  if (pos < 0 || pos >= ix.length || ix.nextGap[pos] === pos) return Either4.left(gapAt(calendar2, day));
  const hx = hoursIndexOf(calendar2, workingHours);
  const target = elapsedAt(hx, pos, start) + left;
  const gap = ix.nextGap[pos];
  const slots = hx.elapsed.length - 1;
  if (hx.elapsed[slots] < target) return Either4.left(gapAt(calendar2, ix.base + gap));
  let lo = pos * hx.periods;
  let hi = slots - 1;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (hx.elapsed[mid + 1] >= target) hi = mid;
    else lo = mid + 1;
  }
  if (gap <= Math.floor(lo / hx.periods)) return Either4.left(gapAt(calendar2, ix.base + gap));
  return Either4.right(DateTime4.unsafeMake(hx.starts[lo] + target - hx.elapsed[lo]));
};
var closes = /* @__PURE__ */ new WeakMap();
var closeOf = (hours) => {
  let close = closes.get(hours);
  if (close === void 0) {
    const last2 = hours.periods[hours.periods.length - 1];
    close = last2 === void 0 ? 86400 : toSeconds(last2.end);
    closes.set(hours, close);
  }
  return close;
};
var addWorkingDaysDeadline = (calendar2, instant, n, options2 = {}) => {
  if (!Number.isSafeInteger(n) || n < 1)
    return Either4.left(
      new InvalidInput({
        code: "calendar/invalid-count",
        path: ["n"],
        reason: `n must be a whole number \u2265 1, got ${n}`
      })
    );
  const day = addWorkingDayNumbers(
    calendar2,
    epochDayOf(DateTime4.toEpochMillis(instant), calendar2.timeZone),
    n
  );
  if (typeof day !== "number") return Either4.left(day);
  const close = options2.end === "midnight" ? 86400 : closeOf(options2.workingHours ?? defaultWorkingHours);
  return Either4.right(DateTime4.unsafeMake(toEpochMillis(day, close, calendar2.timeZone)));
};
var workingTimeBetween = (calendar2, from2, to2, workingHours = defaultWorkingHours) => {
  const lo = DateTime4.toEpochMillis(from2);
  const hi = DateTime4.toEpochMillis(to2);
  if (hi <= lo) return Either4.right(Duration.zero);
  const ix = dayIndexOf(calendar2);
  const first = epochDayOf(lo, calendar2.timeZone) - ix.base;
  const last2 = epochDayOf(hi, calendar2.timeZone) - ix.base;
  if (first < 0 || first >= ix.length) return Either4.left(gapAt(calendar2, ix.base + first));
  const gap = ix.nextGap[first];
  if (gap <= last2) return Either4.left(gapAt(calendar2, ix.base + gap));
  const hx = hoursIndexOf(calendar2, workingHours);
  return Either4.right(Duration.millis(elapsedAt(hx, last2, hi) - elapsedAt(hx, first, lo)));
};
var isOverdue = (deadline, at) => DateTime4.greaterThan(at, deadline);
var calendars = extensionPoint({
  id: "kernel.workingCalendars",
  description: "Working-day calendars: weekends, public holidays and make-up working days by year",
  schema: WorkingCalendar,
  key: (calendar2) => calendar2.id
});

// packages/core/src/assessment/Inspection.ts
var UnitKind = Schema12.Literal("township", "county-unit");
var Suggestion = Schema12.Struct({ id: SuggestionId, text: Schema12.NonEmptyTrimmedString });
var Inspection = class extends Schema12.Class("@zhili/Inspection")({
  id: InspectionId,
  tenant: TenantId,
  unit: OrgUnitId,
  unitKind: UnitKind,
  date: LocalDate,
  meeting: Schema12.optional(Schema12.NonEmptyTrimmedString),
  inspectors: Schema12.NonEmptyArray(PersonId),
  suggestions: Schema12.Array(Suggestion)
}) {
};
var Status = Schema12.Literal("open", "in-progress", "rectified", "verified");
var Evidence = Schema12.Struct({ date: LocalDate, description: Schema12.NonEmptyTrimmedString });
var Verification = Schema12.Struct({
  by: PersonId,
  on: LocalDate,
  passed: Schema12.Boolean,
  note: Schema12.optional(Schema12.String)
});
var Rectification = class extends Schema12.Class("@zhili/Rectification")(
  Schema12.Struct({
    id: RectificationId,
    tenant: TenantId,
    inspection: InspectionId,
    suggestion: SuggestionId,
    unit: OrgUnitId,
    owner: PersonId,
    deadline: LocalDate,
    status: Status,
    evidence: Schema12.Array(Evidence),
    rectifiedOn: Schema12.optional(LocalDate),
    verifications: Schema12.Array(Verification)
  }).pipe(
    Schema12.filter((r) => {
      if (r.status === "verified" && !r.verifications.some((v) => v.passed)) {
        return { path: ["verifications"], message: `rectification ${r.id} is verified but has no passing verification` };
      }
      if ((r.status === "verified" || r.status === "rectified") && r.rectifiedOn === void 0) {
        return { path: ["rectifiedOn"], message: `rectification ${r.id} is ${r.status} but has no rectifiedOn date` };
      }
      return true;
    })
  )
) {
};
var completedOn = (r, asOf2) => {
  if (r.status === "open") return void 0;
  const vs = r.verifications;
  let ordered = true;
  for (let i = 1; i < vs.length && ordered; i++)
    if (vs[i].on < vs[i - 1].on) ordered = false;
  const known = ordered ? vs : vs.map((v, i) => ({ v, i })).sort((a, b) => a.v.on < b.v.on ? -1 : a.v.on > b.v.on ? 1 : a.i - b.i).map(({ v }) => v);
  let done;
  for (const v of known) {
    if (asOf2 !== void 0 && v.on > asOf2) continue;
    if (!v.passed) done = void 0;
    else if (done === void 0) done = v.on;
  }
  return done;
};
var Limit = Schema12.Struct({
  days: Schema12.Int.pipe(Schema12.positive()),
  unit: Schema12.Literal("calendar-days", "working-days")
});
var limitDeadline = (date2, limit, calendar2) => {
  if (limit.unit === "calendar-days") return Either5.right(addDays(date2, limit.days));
  if (calendar2 === void 0) {
    return Either5.left(
      new InvalidInput({
        code: "assessment/no-calendar",
        path: ["calendar"],
        reason: `a limit of ${limit.days} working days needs a working calendar`
      })
    );
  }
  return addWorkingDays(calendar2, date2, limit.days);
};
var outcomeAt = (r, asOf2, deadline = r.deadline) => {
  const done = completedOn(r, asOf2);
  if (done !== void 0) return done <= deadline ? "on-time" : "late";
  return deadline < asOf2 ? "overdue" : "pending";
};
var empty = () => ({ inspections: 0, suggestions: 0, completed: 0, onTime: 0, late: 0, overdue: 0, pending: 0 });
var finish = (a, units, signedOff) => ({
  units,
  ...a,
  completionRate: a.suggestions === 0 ? 1 : a.completed / a.suggestions,
  onTimeRate: a.suggestions === 0 ? 1 : a.onTime / a.suggestions,
  signedOff
});
var add = (into, a) => {
  for (const k of Object.keys(into)) into[k] += a[k];
};
var report = (inspections2, rectifications2, asOf2, options2 = {}) => {
  const findings = [];
  const bySuggestion = /* @__PURE__ */ new Map();
  const known = /* @__PURE__ */ new Set();
  for (const i of inspections2) for (const s of i.suggestions) known.add(`${i.id}/${s.id}`);
  rectifications2.forEach((r, index) => {
    const key = `${r.inspection}/${r.suggestion}`;
    if (!known.has(key)) {
      findings.push(
        error(
          "assessment/unknown-suggestion",
          ["rectifications", index],
          `rectification ${r.id} names suggestion ${r.suggestion} of inspection ${r.inspection}, which is not on record`
        )
      );
      return;
    }
    const list = bySuggestion.get(key);
    if (list === void 0) bySuggestion.set(key, [r]);
    else list.push(r);
  });
  const perUnit = /* @__PURE__ */ new Map();
  inspections2.forEach((i, index) => {
    if (i.date > asOf2) return;
    const row = perUnit.get(i.unit) ?? { unit: i.unit, kind: i.unitKind, acc: empty() };
    row.acc.inspections += 1;
    let deadline;
    const limit = options2.limit;
    if (limit !== void 0) {
      const computed = limitDeadline(i.date, limit, options2.calendar);
      if (Either5.isRight(computed)) deadline = computed.right;
      else {
        findings.push(
          error(
            "assessment/no-calendar",
            ["inspections", index],
            `the rectification limit of ${i.id} cannot be counted (${computed.left.message}); its rectifications keep the deadlines on record`
          )
        );
      }
    }
    i.suggestions.forEach((s, si) => {
      row.acc.suggestions += 1;
      const rs = bySuggestion.get(`${i.id}/${s.id}`) ?? [];
      if (rs.length === 0) {
        findings.push(
          error(
            "assessment/unrectified-suggestion",
            ["inspections", index, "suggestions", si],
            `suggestion ${s.id} raised at ${i.id} (${i.unit}, ${i.date}) has no rectification`
          )
        );
        row.acc.pending += 1;
        return;
      }
      let o = "pending";
      for (const r of rs) {
        const x = outcomeAt(r, asOf2, deadline ?? r.deadline);
        if (x === "on-time" || x === "late" && o !== "on-time" || x === "overdue" && o === "pending") o = x;
      }
      if (o === "on-time" || o === "late") row.acc.completed += 1;
      if (o === "on-time") row.acc.onTime += 1;
      else if (o === "late") row.acc.late += 1;
      else if (o === "overdue") row.acc.overdue += 1;
      else row.acc.pending += 1;
    });
    perUnit.set(i.unit, row);
  });
  const units = [...perUnit.values()].sort((a, b) => a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0).map(
    (u) => ({
      unit: u.unit,
      unitKind: u.kind,
      ...finish(u.acc, 1, u.acc.completed === u.acc.suggestions)
    })
  );
  const roll = (us) => {
    const a = empty();
    for (const u of us) add(a, u);
    return finish(
      a,
      us.length,
      us.every((u) => u.signedOff)
    );
  };
  return {
    asOf: asOf2,
    units,
    byKind: {
      township: roll(units.filter((u) => u.unitKind === "township")),
      "county-unit": roll(units.filter((u) => u.unitKind === "county-unit"))
    },
    total: roll(units),
    findings
  };
};
var overdueAt = (rectifications2, at, timeZone = "Asia/Shanghai") => {
  const today = fromDateTime(at, timeZone);
  return rectifications2.filter((r) => outcomeAt(r, today) === "overdue").map((r) => ({ rectification: r, daysOverdue: daysBetween(r.deadline, today) })).sort((a, b) => b.daysOverdue - a.daysOverdue || (a.rectification.id < b.rectification.id ? -1 : 1));
};
var signOff = (unit, inspections2, rectifications2, asOf2) => {
  const findings = [];
  inspections2.forEach((i, index) => {
    if (i.unit !== unit || i.date > asOf2) return;
    i.suggestions.forEach((s, si) => {
      const rs = rectifications2.filter((r) => r.inspection === i.id && r.suggestion === s.id);
      const done = rs.some((r) => {
        const o = outcomeAt(r, asOf2);
        return o === "on-time" || o === "late";
      });
      if (!done) {
        findings.push(
          error(
            "assessment/not-signed-off",
            ["inspections", index, "suggestions", si],
            `${unit}: suggestion ${s.id} from ${i.date} is not rectified and verified by ${asOf2}`
          )
        );
      }
    });
  });
  return { signedOff: findings.length === 0, findings };
};
var location3 = (self, orgPath) => locate(self.tenant, self.unit, orgPath);

// packages/core/src/assessment/OrgLife.ts
var OrgLife_exports = {};
__export(OrgLife_exports, {
  Frequency: () => Frequency,
  FrequencyPolicy: () => FrequencyPolicy,
  Kind: () => Kind,
  OrgLifeRecord: () => OrgLifeRecord,
  PolicyDefinition: () => PolicyDefinition,
  buckets: () => buckets,
  compliance: () => compliance,
  defaultContributions: () => defaultContributions,
  defaultPolicy: () => defaultPolicy,
  frequenciesFor: () => frequenciesFor,
  kinds: () => kinds,
  location: () => location4,
  policiesPoint: () => policiesPoint
});
import { Schema as Schema13 } from "effect";
var Kind = Schema13.String.pipe(
  Schema13.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    message: () => "an organisational-life kind is lower-case words joined by '-', e.g. theme-party-day"
  })
);
var kinds = [
  "members-meeting",
  "committee-meeting",
  "group-meeting",
  "party-lecture",
  "theme-party-day",
  "heart-to-heart-talk",
  "org-life-meeting",
  "democratic-appraisal"
];
var Frequency = Schema13.Literal("monthly", "quarterly", "half-yearly", "yearly", "none");
var FrequencyPolicy = Schema13.Struct({
  frequencies: Schema13.Record({ key: Kind, value: Frequency }),
  byUnitKind: Schema13.optional(
    Schema13.Record({ key: Schema13.String, value: Schema13.Record({ key: Kind, value: Frequency }) })
  ),
  quorum: Schema13.Number.pipe(Schema13.between(0, 1))
});
var defaultPolicy = {
  frequencies: {
    "members-meeting": "quarterly",
    "committee-meeting": "monthly",
    "group-meeting": "monthly",
    "party-lecture": "quarterly",
    "theme-party-day": "monthly",
    "heart-to-heart-talk": "yearly",
    "org-life-meeting": "yearly",
    "democratic-appraisal": "yearly"
  },
  byUnitKind: {
    "grid-party-group": {
      "members-meeting": "none",
      "committee-meeting": "none",
      "party-lecture": "none",
      "theme-party-day": "none",
      "heart-to-heart-talk": "none",
      "org-life-meeting": "none",
      "democratic-appraisal": "none"
    }
  },
  quorum: 0.5
};
var frequenciesFor = (policy, unitKind) => ({
  ...policy.frequencies,
  ...unitKind === void 0 ? {} : policy.byUnitKind?.[unitKind] ?? {}
});
var OrgLifeRecord = class extends Schema13.Class("@zhili/OrgLifeRecord")(
  Schema13.Struct({
    id: OrgLifeRecordId,
    tenant: TenantId,
    unit: OrgUnitId,
    kind: Kind,
    date: LocalDate,
    topic: Schema13.optional(Schema13.String),
    attendance: Schema13.optional(
      Schema13.Struct({ present: Schema13.Int.pipe(Schema13.nonNegative()), members: Schema13.Int.pipe(Schema13.positive()) })
    )
  }).pipe(
    Schema13.filter(
      (r) => r.attendance === void 0 || r.attendance.present <= r.attendance.members || {
        path: ["attendance", "present"],
        message: `${r.attendance.present} present is more than the ${r.attendance.members} members`
      }
    )
  )
) {
};
var buckets = (frequency, from2, to2) => {
  if (frequency === "none" || from2 > to2) return [];
  const months2 = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 }[frequency];
  const out = [];
  const start = toParts(from2);
  let year2 = start.year;
  let month2 = Math.floor((start.month - 1) / months2) * months2 + 1;
  for (; ; ) {
    const bFrom = make2(year2, month2, 1);
    const endMonth = month2 + months2 - 1;
    const bTo = endOfMonth(make2(year2, endMonth, 1));
    if (bFrom > to2) break;
    if (bFrom >= from2 && bTo <= to2) {
      const n = (month2 - 1) / months2 + 1;
      const label = frequency === "monthly" ? bFrom.slice(0, 7) : frequency === "quarterly" ? `${year2}-Q${n}` : frequency === "half-yearly" ? `${year2}-H${n}` : `${year2}`;
      out.push({ label, from: bFrom, to: bTo });
    }
    month2 += months2;
    if (month2 > 12) {
      month2 -= 12;
      year2 += 1;
    }
  }
  return out;
};
var plans = /* @__PURE__ */ new WeakMap();
var planOf = (policy, unitKind, from2, to2) => {
  let byKey = plans.get(policy);
  if (byKey === void 0) {
    byKey = /* @__PURE__ */ new Map();
    plans.set(policy, byKey);
  }
  const key = `${unitKind === void 0 ? "" : `=${unitKind}`}|${from2}|${to2}`;
  let plan = byKey.get(key);
  if (plan === void 0) {
    const frequencies = frequenciesFor(policy, unitKind);
    const kinds2 = Object.keys(frequencies).map((kind) => {
      const frequency = frequencies[kind] ?? "none";
      return {
        kind,
        words: kind.replace(/-/g, " "),
        frequency,
        buckets: buckets(frequency, from2, to2).map((b) => Object.freeze(b))
      };
    });
    plan = { kinds: kinds2, index: new Map(kinds2.map((k, i) => [k.kind, i])) };
    if (byKey.size >= 1e3) byKey.clear();
    byKey.set(key, plan);
  }
  return plan;
};
var compliance = (records2, unit, from2, to2, policy = defaultPolicy, unitKind) => {
  const plan = planOf(policy, unitKind, from2, to2);
  const findings = [];
  const hit = plan.kinds.map((k) => new Uint8Array(k.buckets.length));
  for (let index = 0; index < records2.length; index++) {
    const r = records2[index];
    if (r.unit !== unit || r.date < from2 || r.date > to2) continue;
    if (r.kind === "members-meeting" && r.attendance !== void 0) {
      if (r.attendance.present <= r.attendance.members * policy.quorum) {
        findings.push(
          warning(
            "assessment/no-quorum",
            ["records", index, "attendance"],
            `${unit}: members' meeting on ${r.date} had ${r.attendance.present} of ${r.attendance.members} members, not more than ${policy.quorum * 100}%; it does not count`
          )
        );
        continue;
      }
    }
    const k = plan.index.get(r.kind);
    if (k === void 0) continue;
    const bs = plan.kinds[k].buckets;
    const d = r.date;
    let lo = 0;
    let hi = bs.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >>> 1;
      const b = bs[mid];
      if (d < b.from) hi = mid - 1;
      else if (d > b.to) lo = mid + 1;
      else {
        ;
        hit[k][mid] = 1;
        break;
      }
    }
  }
  const result = [];
  for (let k = 0; k < plan.kinds.length; k++) {
    const { buckets: bs, frequency, kind, words } = plan.kinds[k];
    const marks = hit[k];
    const missed = [];
    for (let i = 0; i < bs.length; i++) {
      if (marks[i] === 1) continue;
      const b = bs[i];
      missed.push(b);
      findings.push(
        error(
          "assessment/org-life-missed",
          [kind, b.label],
          `${unit}: no ${words} in ${b.label} (${b.from} to ${b.to}); required ${frequency}`
        )
      );
    }
    result.push({ kind, frequency, required: bs.length, met: bs.length - missed.length, missed });
  }
  return {
    unit,
    from: from2,
    to: to2,
    kinds: result,
    compliant: result.every((k) => k.missed.length === 0),
    findings
  };
};
var location4 = (self, orgPath) => locate(self.tenant, self.unit, orgPath);
var PolicyDefinition = class extends Schema13.Class("@zhili/OrgLifePolicyDefinition")({
  id: Schema13.NonEmptyString,
  policy: FrequencyPolicy,
  source: Schema13.String
}) {
};
var policiesPoint = extensionPoint({
  id: "assessment.orgLifePolicies",
  description: "Organisational-life frequency policies (\u4E09\u4F1A\u4E00\u8BFE \u9891\u6B21) and the members' meeting quorum, keyed by id.",
  schema: PolicyDefinition,
  key: (p) => p.id
});
var defaultContributions = [
  contribute(policiesPoint, [
    new PolicyDefinition({
      id: "default",
      policy: defaultPolicy,
      source: "STANDARDS.md (Branch Work Regulations 2018); party lecture quarterly is a default to be replaced"
    })
  ])
];

// packages/core/src/case/Case.ts
var Case_exports = {};
__export(Case_exports, {
  Accepted: () => Accepted,
  Actor: () => Actor,
  Assignee: () => Assignee,
  Attachment: () => Attachment,
  Case: () => Case,
  Closed: () => Closed,
  Closure: () => Closure,
  CoHandler: () => CoHandler,
  CoHandlerReported: () => CoHandlerReported,
  CoHandlersAssigned: () => CoHandlersAssigned,
  Dispatched: () => Dispatched,
  Due: () => Due,
  Escalated: () => Escalated,
  Event: () => Event,
  Excluded: () => Excluded,
  Exclusion: () => Exclusion,
  ExclusionReason: () => ExclusionReason,
  ExtensionGranted: () => ExtensionGranted,
  IllegalTransition: () => IllegalTransition,
  Intake: () => Intake,
  Kind: () => Kind2,
  Location: () => Location,
  Priority: () => Priority,
  Rated: () => Rated,
  Rejected: () => Rejected,
  Reopened: () => Reopened,
  Reported: () => Reported,
  Reporter: () => Reporter,
  Resolved: () => Resolved,
  ReturnVisited: () => ReturnVisited,
  Returned: () => Returned,
  RoleNotPermitted: () => RoleNotPermitted,
  Satisfaction: () => Satisfaction,
  Severity: () => Severity2,
  Shelved: () => Shelved,
  Source: () => Source2,
  Started: () => Started,
  Status: () => Status2,
  Supervised: () => Supervised,
  Unshelved: () => Unshelved,
  Verified: () => Verified,
  VisitOutcome: () => VisitOutcome,
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
  noticesFor: () => noticesFor,
  open: () => open2,
  originalDue: () => originalDue,
  rolesOf: () => rolesOf,
  runningDue: () => runningDue,
  scopeLocation: () => scopeLocation,
  stageOf: () => stageOf,
  system: () => system,
  transition: () => transition,
  validate: () => validate4
});
import { Array as Arr, DateTime as DateTime6, Either as Either8, Option as Option5, Schema as Schema18 } from "effect";

// packages/core/src/kernel/Geo.ts
var import_gcoord = __toESM(require_gcoord(), 1);
import { Schema as Schema14 } from "effect";
var gcoord = import_gcoord.default.default ?? import_gcoord.default;
var Crs = Schema14.Literal("WGS-84", "GCJ-02", "BD-09");
var Longitude = Schema14.Number.pipe(Schema14.between(-180, 180, { message: () => "a longitude between -180 and 180" }));
var Latitude = Schema14.Number.pipe(Schema14.between(-90, 90, { message: () => "a latitude between -90 and 90" }));
var Point = class extends Schema14.Class("@zhili/GeoPoint")({
  longitude: Longitude,
  latitude: Latitude,
  crs: Crs
}) {
};
var Position = Schema14.Tuple(Longitude, Latitude);
var Ring = Schema14.Array(Position).pipe(
  Schema14.minItems(4, { message: () => "a ring needs at least four positions, the last equal to the first" }),
  Schema14.filter((ring) => {
    const first = ring[0];
    const last2 = ring[ring.length - 1];
    return first !== void 0 && last2 !== void 0 && first[0] === last2[0] && first[1] === last2[1] || "a ring is closed: its last position repeats its first";
  })
);
var Boundary = Schema14.Union(
  Schema14.Struct({ type: Schema14.Literal("Polygon"), coordinates: Schema14.Array(Ring), crs: Crs }),
  Schema14.Struct({ type: Schema14.Literal("MultiPolygon"), coordinates: Schema14.Array(Schema14.Array(Ring)), crs: Crs })
);
var library = { "WGS-84": gcoord.WGS84, "GCJ-02": gcoord.GCJ02, "BD-09": gcoord.BD09 };

// packages/core/src/case/Category.ts
var Category_exports = {};
__export(Category_exports, {
  AttributeDatatype: () => AttributeDatatype,
  AttributeValue: () => AttributeValue,
  Catalogue: () => Catalogue,
  Category: () => Category,
  EmergencyLimitsDefinition: () => EmergencyLimitsDefinition,
  HandlingLevel: () => HandlingLevel,
  IntakeAttribute: () => IntakeAttribute,
  TimeLimits: () => TimeLimits,
  attributesOf: () => attributesOf,
  children: () => children,
  defaultCatalogue: () => defaultCatalogue,
  defaultContribution: () => defaultContribution,
  defaultEmergencyContribution: () => defaultEmergencyContribution,
  disputeLimits: () => disputeLimits,
  emergencyLimits: () => emergencyLimits,
  emergencyLimitsPoint: () => emergencyLimitsPoint,
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
import { Option as Option4, Schema as Schema17 } from "effect";

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
import { DateTime as DateTime5, Either as Either6, Schema as Schema15 } from "effect";
var Unit = Schema15.Literal("hours", "days", "working-hours", "working-days");
var Duration2 = class extends Schema15.Class("@zhili/CaseDuration")({
  amount: Schema15.Int.pipe(Schema15.greaterThan(0, { message: () => "a time limit must be a positive whole number" })),
  unit: Unit
}) {
  /** The limit as people write it: `7 working-days`. */
  toString() {
    return `${this.amount} ${this.unit}`;
  }
};
var duration = (amount, unit) => new Duration2({ amount, unit });
var elapsed = (from2, limit, timeZone) => limit.unit === "hours" ? DateTime5.add(from2, { hours: limit.amount }) : DateTime5.toUtc(DateTime5.add(DateTime5.unsafeMakeZoned(from2, { timeZone }), { days: limit.amount }));
var elapsedClock = (timeZone = "Asia/Shanghai") => (from2, limit) => limit.unit === "hours" || limit.unit === "days" ? Either6.right(elapsed(from2, limit, timeZone)) : Either6.left(
  new InvalidInput({
    code: "deadline/no-working-calendar",
    path: [],
    reason: `a limit of ${limit} needs a working-day calendar and none was given`
  })
);
var fromWorkingTime = (calendar2, timeZone = "Asia/Shanghai") => (from2, limit) => {
  switch (limit.unit) {
    case "working-hours":
      return calendar2.addWorkingHours(from2, limit.amount);
    case "working-days":
      return calendar2.addWorkingDays(from2, limit.amount);
    default:
      return Either6.right(elapsed(from2, limit, timeZone));
  }
};
var fromCalendarError = (e) => e._tag === "InvalidInput" ? e : new InvalidInput({ code: "deadline/calendar-gap", path: [], reason: e.message });
var fromWorkingCalendar = (calendar2, options2 = {}) => fromWorkingTime(
  {
    addWorkingHours: (from2, hours) => Either6.mapLeft(addWorkingHours(calendar2, from2, hours, options2.workingHours), fromCalendarError),
    addWorkingDays: (from2, days) => Either6.mapLeft(addWorkingDaysDeadline(calendar2, from2, days, options2), fromCalendarError)
  },
  calendar2.timeZone
);
var isOverdue2 = (due, at) => DateTime5.greaterThan(at, due);

// packages/core/src/case/Workflow.ts
import { Either as Either7, Option as Option3, Schema as Schema16 } from "effect";
var Phase = Schema16.Literal(
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
var token = (what) => Schema16.String.pipe(
  Schema16.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    message: () => `a ${what} is lower-case words joined by '-', e.g. grid-worker`
  })
);
var Role = token("role");
var Level = token("handling level");
var defaultLevels = ["micro-grid", "compound", "community", "street"];
var EventName = Schema16.Literal(
  "Accepted",
  "Rejected",
  "Dispatched",
  "Started",
  "Returned",
  "ExtensionGranted",
  "Escalated",
  "Supervised",
  "CoHandlersAssigned",
  "CoHandlerReported",
  "Resolved",
  "Verified",
  "ReturnVisited",
  "Reopened",
  "Closed",
  "Withdrawn",
  "Shelved",
  "Unshelved",
  "Rated",
  "Excluded"
);
var ClockEffect = Schema16.Literal(
  "none",
  "start-resolve",
  "restart-resolve",
  "restart-response",
  "extend-resolve",
  "stop-resolve"
);
var Recipient = Schema16.Literal("supervisor", "assignee", "co-handlers", "dispatcher", "reporter");
var Evidence2 = Schema16.Literal("before", "after");
var Name2 = Schema16.Struct({ zh: Schema16.NonEmptyString, en: Schema16.NonEmptyString });
var State = class extends Schema16.Class("@zhili/WorkflowState")({
  id: token("state id"),
  phase: Phase,
  name: Name2
}) {
};
var Transition = class extends Schema16.Class("@zhili/WorkflowTransition")({
  event: EventName,
  from: Schema16.NonEmptyArray(token("state id")),
  to: token("state id"),
  roles: Schema16.optional(Schema16.NonEmptyArray(Role)),
  approval: Schema16.optional(Schema16.NonEmptyArray(Role)),
  independent: Schema16.optionalWith(Schema16.Boolean, { default: () => false }),
  clock: Schema16.optionalWith(ClockEffect, { default: () => "none" }),
  evidence: Schema16.optionalWith(Schema16.Array(Evidence2), { default: () => [] }),
  notify: Schema16.optionalWith(Schema16.Array(Recipient), { default: () => [] })
}) {
};
var transitionKey = (from2, event) => `${from2}\0${event}`;
var problems = (w) => {
  const out = [];
  const ids = /* @__PURE__ */ new Set();
  for (const s of w.states) {
    if (ids.has(s.id)) out.push(`states: "${s.id}" is declared twice`);
    ids.add(s.id);
  }
  if (!ids.has(w.initial)) out.push(`initial: "${w.initial}" is not one of the states`);
  if (new Set(w.levels).size !== w.levels.length) out.push("levels: a level is listed twice");
  const seen = /* @__PURE__ */ new Set();
  w.transitions.forEach((t, i) => {
    for (const f of t.from) {
      if (!ids.has(f)) out.push(`transitions.${i}.from: "${f}" is not one of the states`);
      const key = transitionKey(f, t.event);
      if (seen.has(key))
        out.push(`transitions.${i}: a second ${t.event} from "${f}" (one transition per state and event)`);
      seen.add(key);
    }
    if (!ids.has(t.to)) out.push(`transitions.${i}.to: "${t.to}" is not one of the states`);
    if (t.clock === "extend-resolve" && t.event !== "ExtensionGranted") {
      out.push(`transitions.${i}.clock: extend-resolve applies only to ExtensionGranted, not ${t.event}`);
    }
  });
  return out;
};
var Workflow = class extends Schema16.Class("@zhili/Workflow")(
  Schema16.Struct({
    id: Schema16.NonEmptyString,
    name: Name2,
    source: Schema16.NonEmptyString,
    initial: token("state id"),
    reportRoles: Schema16.optional(Schema16.NonEmptyArray(Role)),
    states: Schema16.NonEmptyArray(State),
    levels: Schema16.NonEmptyArray(Level),
    transitions: Schema16.Array(Transition),
    selfVerification: Schema16.Boolean
  }).pipe(
    Schema16.filter((w) => {
      const found = problems(w);
      return found.length === 0 || found.join("; ");
    })
  )
) {
};
var state = (id2, phase, zh, en) => State.make({ id: id2, phase, name: { zh, en } });
var step = (event, from2, to2, options2 = {}) => Transition.make({ event, from: from2, to: to2, ...options2 });
var core = (id2, zh, en) => state(id2, id2, zh, en);
var handling = ["accepted", "dispatched", "in-progress"];
var open = Phase.literals.filter((p) => p !== "rejected" && p !== "withdrawn");
var inPlace = (event, states2, more = {}) => states2.map((s) => step(event, [s], s, more));
var defaultWorkflow = Workflow.make({
  id: "default",
  name: { zh: "\u9ED8\u8BA4\u529E\u7406\u6D41\u7A0B", en: "Default case workflow" },
  source: "MODEL.md \xA73 (the compound's lifecycle: \u4E0A\u62A5 \u2192 \u7ACB\u6848 \u2192 \u6D3E\u9063 \u2192 \u5904\u7F6E \u2192 \u53CD\u9988 \u2192 \u6838\u67E5 \u2192 \u7ED3\u6848)",
  initial: "reported",
  states: [
    core("reported", "\u5DF2\u4E0A\u62A5", "Reported"),
    core("accepted", "\u5DF2\u7ACB\u6848", "Accepted"),
    core("dispatched", "\u5DF2\u6D3E\u9063", "Dispatched"),
    core("in-progress", "\u5904\u7F6E\u4E2D", "In progress"),
    core("resolved", "\u5DF2\u53CD\u9988", "Resolved"),
    core("verified", "\u5DF2\u6838\u67E5", "Verified"),
    core("closed", "\u5DF2\u7ED3\u6848", "Closed"),
    core("rejected", "\u4E0D\u4E88\u53D7\u7406", "Rejected"),
    core("withdrawn", "\u5DF2\u64A4\u56DE", "Withdrawn"),
    core("ledger", "\u6302\u8D26", "On the ledger")
  ],
  levels: [...defaultLevels],
  transitions: [
    step("Accepted", ["reported"], "accepted", { clock: "start-resolve" }),
    step("Rejected", ["reported"], "rejected"),
    step("Dispatched", ["accepted"], "dispatched"),
    step("Started", ["dispatched"], "in-progress"),
    step("Returned", ["dispatched", "in-progress"], "accepted"),
    step("ExtensionGranted", ["accepted"], "accepted", { clock: "extend-resolve" }),
    step("ExtensionGranted", ["dispatched"], "dispatched", { clock: "extend-resolve" }),
    step("ExtensionGranted", ["in-progress"], "in-progress", { clock: "extend-resolve" }),
    step("Escalated", ["reported"], "reported", { clock: "restart-response" }),
    step("Escalated", handling, "accepted", { clock: "restart-resolve" }),
    step("Resolved", ["in-progress"], "resolved"),
    step("Verified", ["resolved"], "verified"),
    step("Reopened", ["resolved", "closed"], "dispatched", { clock: "restart-resolve" }),
    step("Closed", ["verified", "ledger"], "closed"),
    step("Withdrawn", ["reported", ...handling, "ledger"], "withdrawn"),
    step("Shelved", [...handling, "resolved"], "ledger", { clock: "stop-resolve" }),
    step("Unshelved", ["ledger"], "accepted", { clock: "restart-resolve" }),
    step("Rated", ["closed"], "closed"),
    ...inPlace("Excluded", open)
  ],
  selfVerification: true
});
var indexes2 = /* @__PURE__ */ new WeakMap();
var indexOf2 = (workflow) => {
  let index = indexes2.get(workflow);
  if (index === void 0) {
    const transitions = /* @__PURE__ */ new Map();
    for (const t of workflow.transitions) {
      for (const f of t.from) {
        const key = transitionKey(f, t.event);
        if (!transitions.has(key)) transitions.set(key, t);
      }
    }
    index = { states: new Map(workflow.states.map((s) => [s.id, s])), transitions };
    indexes2.set(workflow, index);
  }
  return index;
};
var stateOf2 = (workflow, id2) => Option3.fromNullable(indexOf2(workflow).states.get(id2));
var transitionFor = (workflow, from2, event) => Option3.fromNullable(indexOf2(workflow).transitions.get(transitionKey(from2, event)));
var eventsFrom = (workflow, from2) => {
  const out = [];
  for (const t of workflow.transitions) if (t.from.includes(from2) && !out.includes(t.event)) out.push(t.event);
  return out;
};
var statesFor = (workflow, event) => workflow.transitions.filter((t) => t.event === event).flatMap((t) => t.from);
var rankIn = (levels2, level2) => levels2.indexOf(level2);
var above = (levels2, level2) => {
  const i = levels2.indexOf(level2);
  return i < 0 ? Option3.none() : Option3.fromNullable(levels2[i + 1]);
};
var allows = (transition2, actorRoles) => transition2.roles === void 0 || actorRoles.some((r) => transition2.roles?.includes(r));
var Extension = class extends Schema16.Class("@zhili/WorkflowExtension")({
  id: Schema16.NonEmptyString,
  workflow: Schema16.NonEmptyString,
  states: Schema16.optionalWith(Schema16.Array(State), { default: () => [] }),
  transitions: Schema16.optionalWith(Schema16.Array(Transition), { default: () => [] }),
  levels: Schema16.optional(Schema16.Struct({ after: Schema16.optional(Level), add: Schema16.NonEmptyArray(Level) }))
}) {
};
var InvalidWorkflow = class extends Schema16.TaggedError()("InvalidWorkflow", {
  workflow: Schema16.String,
  extension: Schema16.optional(Schema16.String),
  problems: Schema16.Array(Schema16.String)
}) {
  get message() {
    const by = this.extension === void 0 ? "" : ` extended by ${this.extension}`;
    return `workflow ${this.workflow}${by} is invalid: ${this.problems.join("; ")}`;
  }
};
var workflowsPoint = extensionPoint({
  id: "case.workflows",
  description: "Case workflows (\u529E\u7406\u6D41\u7A0B): states, transitions, roles, approvals, clocks and levels, keyed by id.",
  schema: Workflow,
  key: (w) => w.id
});
var extensionsPoint = extensionPoint({
  id: "case.workflowExtensions",
  description: "Additions to a case workflow (\u6D41\u7A0B\u6269\u5C55): states, transitions and levels, keyed by id.",
  schema: Extension,
  key: (e) => e.id
});
var defaultContributions2 = [
  contribute(workflowsPoint, [defaultWorkflow])
];

// packages/core/src/case/Category.ts
var HandlingLevel = Level;
var levels = defaultLevels;
var levelRank = (level2, order = levels) => rankIn(order, level2);
var maxLevel = (a, b, order = levels) => levelRank(a, order) >= levelRank(b, order) ? a : b;
var levelAbove = (level2, order = levels) => above(order, level2);
var AttributeValue = class extends Schema17.Class("@zhili/CaseAttributeValue")({
  key: Schema17.String.pipe(Schema17.minLength(1)),
  name: Schema17.String.pipe(Schema17.minLength(1))
}) {
};
var AttributeDatatype = Schema17.Literal(
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist"
);
var IntakeAttribute = class extends Schema17.Class("@zhili/IntakeAttribute")({
  code: Schema17.String.pipe(Schema17.minLength(1)),
  variable: Schema17.Boolean,
  datatype: AttributeDatatype,
  required: Schema17.Boolean,
  datatypeDescription: Schema17.optional(Schema17.String),
  order: Schema17.optional(Schema17.Int),
  description: Schema17.optional(Schema17.String),
  values: Schema17.optional(Schema17.Array(AttributeValue))
}) {
};
var TimeLimits = class extends Schema17.Class("@zhili/CaseTimeLimits")({
  response: Duration2,
  resolve: Duration2,
  resolveComplex: Schema17.optional(Duration2),
  source: Schema17.String
}) {
};
var Category = class extends Schema17.Class("@zhili/CaseCategory")({
  code: CategoryCode,
  parent: Schema17.optional(CategoryCode),
  name: Schema17.String.pipe(Schema17.minLength(1)),
  nameEn: Schema17.String.pipe(Schema17.minLength(1)),
  description: Schema17.optional(Schema17.String),
  limits: Schema17.optional(TimeLimits),
  level: Schema17.optional(HandlingLevel),
  attributes: Schema17.optionalWith(Schema17.Array(IntakeAttribute), { default: () => [] })
}) {
};
var Catalogue = class extends Schema17.Class("@zhili/CaseCatalogue")({
  categories: Schema17.Array(Category)
}) {
};
var lookup = (catalogue, code) => Option4.fromNullable(catalogue.categories.find((c) => c.code === code));
var lineage = (catalogue, code) => {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  let next = code;
  while (next !== void 0 && !seen.has(next)) {
    seen.add(next);
    const found = lookup(catalogue, next);
    if (Option4.isNone(found)) break;
    out.push(found.value);
    next = found.value.parent;
  }
  return out;
};
var isUnder = (catalogue, code, ancestor) => lineage(catalogue, code).some((c) => c.code === ancestor);
var children = (catalogue, code) => catalogue.categories.filter((c) => c.parent === code);
var limitsOf = (catalogue, code) => {
  let known = limitsCache.get(catalogue);
  if (known === void 0) {
    known = /* @__PURE__ */ new Map();
    limitsCache.set(catalogue, known);
  }
  let limits = known.get(code);
  if (limits === void 0) {
    limits = Option4.fromNullable(lineage(catalogue, code).find((c) => c.limits !== void 0)?.limits);
    if (known.size >= 1e4) known.clear();
    known.set(code, limits);
  }
  return limits;
};
var limitsCache = /* @__PURE__ */ new WeakMap();
var levelOf = (catalogue, code) => Option4.fromNullable(lineage(catalogue, code).find((c) => c.level !== void 0)?.level);
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
      Option4.flatMap((x) => Option4.fromNullable(x.parent)),
      Option4.getOrUndefined
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
var EmergencyLimitsDefinition = class extends Schema17.Class("@zhili/EmergencyLimits")({
  id: Schema17.NonEmptyString,
  limits: TimeLimits
}) {
};
var emergencyLimitsPoint = extensionPoint({
  id: "case.emergencyLimits",
  description: "Time limits of emergency cases (\u7D27\u6025\u4E8B\u9879\u65F6\u9650), keyed by id.",
  schema: EmergencyLimitsDefinition,
  key: (d) => d.id
});
var defaultEmergencyContribution = contribute(emergencyLimitsPoint, [
  new EmergencyLimitsDefinition({ id: "default", limits: emergencyLimits })
]);

// packages/core/src/case/Case.ts
var Kind2 = Schema18.Literal("request", "dispute", "incident", "proxy-service");
var Source2 = Schema18.Literal("door-knocking", "hotline-12345", "walk-in", "online", "deliberation", "patrol");
var Priority = Schema18.Literal("emergency", "urgent", "normal");
var Severity2 = Schema18.Literal("minor", "major", "critical");
var Status2 = Phase;
var Closure = Schema18.Literal("fixed", "not-fixed");
var Satisfaction = Schema18.Literal("satisfied", "basically-satisfied", "dissatisfied");
var Actor = class extends Schema18.Class("@zhili/CaseActor")({
  role: Role,
  id: Schema18.String.pipe(Schema18.minLength(1, { message: () => "an actor needs an id" })),
  roles: Schema18.optional(Schema18.Array(Role)),
  unit: Schema18.optional(OrgUnitId)
}) {
};
var rolesOf = (actor) => actor.roles === void 0 || actor.roles.length === 0 ? [actor.role] : [actor.role, ...actor.roles];
var system = new Actor({ role: "system", id: "system" });
var Reporter = Schema18.Union(
  Schema18.TaggedStruct("Anonymous", {}),
  Schema18.TaggedStruct("Identified", {
    name: SensitiveString,
    phone: Schema18.optional(SensitiveString),
    resident: Schema18.optional(ResidentId),
    household: Schema18.optional(HouseholdId)
  })
);
var Location = class extends Schema18.Class("@zhili/CaseLocation")({
  grid: GridId,
  building: Schema18.optional(BuildingId),
  gridPath: Schema18.optional(Schema18.Array(GridId)),
  point: Schema18.optional(Point)
}) {
};
var Assignee = class extends Schema18.Class("@zhili/CaseAssignee")({
  unit: OrgUnitId,
  person: Schema18.optional(PersonId)
}) {
};
var Due = class extends Schema18.Class("@zhili/CaseDue")({
  response: Schema18.optional(Schema18.DateTimeUtc),
  resolve: Schema18.optional(Schema18.DateTimeUtc)
}) {
};
var Intake = class extends Schema18.Class("@zhili/CaseIntake")({
  id: CaseId,
  tenant: TenantId,
  kind: Kind2,
  category: CategoryCode,
  source: Source2,
  title: Schema18.String.pipe(Schema18.minLength(1, { message: () => "a case needs a title" })),
  description: Schema18.optional(Schema18.String),
  reporter: Schema18.optional(Reporter),
  location: Location,
  priority: Priority,
  severity: Severity2,
  complex: Schema18.optionalWith(Schema18.Boolean, { default: () => false }),
  attributes: Schema18.optionalWith(Schema18.Record({ key: Schema18.String, value: Schema18.String }), {
    default: () => ({})
  }),
  visit: Schema18.optional(VisitId),
  deliberation: Schema18.optional(DeliberationId)
}) {
};
var Attachment = class extends Schema18.Class("@zhili/CaseAttachment")({
  id: Schema18.NonEmptyString,
  mediaType: Schema18.String.pipe(
    Schema18.pattern(/^[a-z]+\/[a-z0-9.+-]+$/, { message: () => "a media type like image/jpeg" })
  ),
  sha256: Schema18.String.pipe(Schema18.pattern(/^[0-9a-f]{64}$/, { message: () => "a SHA-256 in lower-case hex" })),
  takenAt: Schema18.DateTimeUtc,
  by: Schema18.String.pipe(Schema18.minLength(1)),
  shows: Schema18.optional(Evidence2)
}) {
};
var CoHandler = class extends Schema18.Class("@zhili/CaseCoHandler")({
  unit: OrgUnitId,
  reportedAt: Schema18.optional(Schema18.DateTimeUtc)
}) {
};
var VisitOutcome = class extends Schema18.Class("@zhili/CaseReturnVisitOutcome")({
  reached: Schema18.Boolean,
  fixed: Schema18.Boolean,
  satisfaction: Schema18.optional(Satisfaction)
}) {
};
var stamp = {
  at: Schema18.DateTimeUtc,
  by: Actor,
  approvedBy: Schema18.optional(Actor),
  attachments: Schema18.optional(Schema18.Array(Attachment))
};
var reason = Schema18.String.pipe(Schema18.minLength(1, { message: () => "a reason is required" }));
var Reported = Schema18.TaggedStruct("Reported", { ...stamp, intake: Intake });
var Accepted = Schema18.TaggedStruct("Accepted", { ...stamp, level: Schema18.optional(HandlingLevel) });
var Rejected = Schema18.TaggedStruct("Rejected", { ...stamp, reason });
var Dispatched = Schema18.TaggedStruct("Dispatched", { ...stamp, to: Assignee });
var Started = Schema18.TaggedStruct("Started", { ...stamp });
var Returned = Schema18.TaggedStruct("Returned", { ...stamp, reason });
var ExtensionGranted = Schema18.TaggedStruct("ExtensionGranted", { ...stamp, extension: Duration2, reason });
var Escalated = Schema18.TaggedStruct("Escalated", {
  ...stamp,
  to: HandlingLevel,
  reason: Schema18.Literal("overdue", "severity", "assignee-request", "resident-request")
});
var Supervised = Schema18.TaggedStruct("Supervised", { ...stamp, reason });
var CoHandlersAssigned = Schema18.TaggedStruct("CoHandlersAssigned", {
  ...stamp,
  units: Schema18.NonEmptyArray(OrgUnitId)
});
var CoHandlerReported = Schema18.TaggedStruct("CoHandlerReported", {
  ...stamp,
  unit: OrgUnitId,
  summary: reason
});
var ReturnVisited = Schema18.TaggedStruct("ReturnVisited", { ...stamp, outcome: VisitOutcome });
var Resolved = Schema18.TaggedStruct("Resolved", { ...stamp, fixed: Schema18.Boolean, summary: reason });
var Verified = Schema18.TaggedStruct("Verified", { ...stamp });
var Reopened = Schema18.TaggedStruct("Reopened", {
  ...stamp,
  reason: Schema18.Literal("verification-failed", "dissatisfied"),
  note: Schema18.optional(Schema18.String)
});
var Closed = Schema18.TaggedStruct("Closed", { ...stamp, fixed: Schema18.Boolean });
var Withdrawn = Schema18.TaggedStruct("Withdrawn", { ...stamp, reason: Schema18.optional(Schema18.String) });
var Shelved = Schema18.TaggedStruct("Shelved", {
  ...stamp,
  reason,
  reviewOn: Schema18.optional(Schema18.DateTimeUtc)
});
var Unshelved = Schema18.TaggedStruct("Unshelved", { ...stamp });
var Rated = Schema18.TaggedStruct("Rated", {
  ...stamp,
  satisfaction: Satisfaction,
  comment: Schema18.optional(Schema18.String)
});
var ExclusionReason = Schema18.Literal("duplicate", "malicious", "outside-jurisdiction", "other");
var Excluded = Schema18.TaggedStruct("Excluded", {
  ...stamp,
  reason: ExclusionReason,
  note: Schema18.optional(Schema18.String),
  duplicateOf: Schema18.optional(CaseId)
});
var Exclusion = class extends Schema18.Class("@zhili/CaseExclusion")({
  reason: ExclusionReason,
  note: Schema18.optional(Schema18.String),
  duplicateOf: Schema18.optional(CaseId),
  at: Schema18.DateTimeUtc,
  by: Actor,
  approvedBy: Actor
}) {
};
var Event = Schema18.Union(
  Reported,
  Accepted,
  Rejected,
  Dispatched,
  Started,
  Returned,
  ExtensionGranted,
  Escalated,
  Supervised,
  CoHandlersAssigned,
  CoHandlerReported,
  Resolved,
  Verified,
  ReturnVisited,
  Reopened,
  Closed,
  Withdrawn,
  Shelved,
  Unshelved,
  Rated,
  Excluded
);
var Case = class extends Schema18.Class("@zhili/Case")({
  id: CaseId,
  tenant: TenantId,
  intake: Intake,
  status: Status2,
  stage: Schema18.optional(Schema18.String),
  level: HandlingLevel,
  assignee: Schema18.optional(Assignee),
  priority: Schema18.optional(Priority),
  supervisor: Schema18.optional(Actor),
  supervisionCount: Schema18.optional(Schema18.NonNegativeInt),
  coHandlers: Schema18.optional(Schema18.Array(CoHandler)),
  returnVisit: Schema18.optional(VisitOutcome),
  exclusion: Schema18.optional(Exclusion),
  due: Due,
  reportedAt: Schema18.DateTimeUtc,
  respondedAt: Schema18.optional(Schema18.DateTimeUtc),
  acceptedAt: Schema18.optional(Schema18.DateTimeUtc),
  resolvedAt: Schema18.optional(Schema18.DateTimeUtc),
  closedAt: Schema18.optional(Schema18.DateTimeUtc),
  closure: Schema18.optional(Closure),
  resolvedFixed: Schema18.optional(Schema18.Boolean),
  satisfaction: Schema18.optional(Satisfaction),
  reopenCount: Schema18.NonNegativeInt,
  extensionCount: Schema18.NonNegativeInt,
  escalationCount: Schema18.NonNegativeInt,
  returnCount: Schema18.NonNegativeInt,
  history: Schema18.NonEmptyArray(Event),
  version: Schema18.Int
}) {
};
var scopeLocation = (self, orgPath) => {
  const grid = self.intake.location.gridPath ?? [self.intake.location.grid];
  const unit = self.assignee?.unit;
  return unit !== void 0 && orgPath !== void 0 ? { division: self.tenant, grid, org: orgPath(unit) } : { division: self.tenant, grid };
};
var makePolicy = (options2) => {
  const catalogue = options2.catalogue ?? defaultCatalogue;
  const workflow = options2.workflow ?? defaultWorkflow;
  return {
    workflow,
    catalogue,
    clock: options2.clock,
    requiredLevel: options2.requiredLevel ?? ((category) => Option5.getOrElse(levelOf(catalogue, category), () => "community")),
    emergency: options2.emergency ?? emergencyLimits,
    maxExtensions: options2.maxExtensions ?? 2
  };
};
var IllegalTransition = class extends Schema18.TaggedError()("IllegalTransition", {
  caseId: Schema18.String,
  from: Schema18.String,
  event: Schema18.String,
  to: Schema18.optional(Schema18.String),
  reason: Schema18.String
}) {
  get message() {
    const to2 = this.to === void 0 ? "" : ` \u2192 ${this.to}`;
    return `case ${this.caseId}: ${this.event} (${this.from}${to2}) is not allowed: ${this.reason}`;
  }
};
var RoleNotPermitted = class extends Schema18.TaggedError()("RoleNotPermitted", {
  caseId: Schema18.String,
  actor: Schema18.String,
  roles: Schema18.Array(Schema18.String),
  event: Schema18.String,
  from: Schema18.String,
  to: Schema18.String,
  allowed: Schema18.Array(Schema18.String),
  reason: Schema18.String
}) {
  get message() {
    return `case ${this.caseId}: ${this.actor} (${this.roles.join(", ")}) may not ${this.event} (${this.from} \u2192 ${this.to}): ${this.reason}`;
  }
};
var stageOf = (self) => self.stage ?? self.status;
var allowedEvents = (state2, workflow = defaultWorkflow) => eventsFrom(workflow, state2);
var describeFrom = (workflow, tag) => {
  const from2 = tag === "Reported" ? [] : statesFor(workflow, tag);
  return from2.length === 0 ? tag === "Reported" ? "only as the first event" : `nowhere in workflow ${workflow.id}` : `only from ${from2.join(", ")}`;
};
var limitsFor = (intake, policy) => intake.priority === "emergency" ? Either8.right(policy.emergency) : Option5.match(limitsOf(policy.catalogue, intake.category), {
  onNone: () => Either8.left(`category ${intake.category} is not in the catalogue or has no time limits`),
  onSome: Either8.right
});
var resolveLimit = (intake, limits) => intake.complex && limits.resolveComplex !== void 0 ? limits.resolveComplex : limits.resolve;
var clockError = (e) => `the deadline cannot be computed (${e.message})`;
var trusted3 = { disableValidation: true };
var rank2 = (policy, level2) => rankIn(policy.workflow.levels, level2);
var raised = { normal: "urgent", urgent: "emergency", emergency: "emergency" };
var resolver = (self) => {
  for (let i = self.history.length - 1; i >= 0; i--) {
    const e = self.history[i];
    if (e?._tag === "Resolved") return e.by;
  }
  return void 0;
};
var open2 = (event, policy) => {
  const intake = event.intake;
  const workflow = policy.workflow;
  const initial = Option5.getOrThrow(stateOf2(workflow, workflow.initial));
  const fail = (why) => Either8.left(
    new IllegalTransition({ caseId: intake.id, from: "none", event: "Reported", to: initial.id, reason: why })
  );
  const allowed = workflow.reportRoles;
  const by = rolesOf(event.by);
  if (allowed !== void 0 && !by.some((r) => allowed.includes(r))) {
    return Either8.left(
      new RoleNotPermitted({
        caseId: intake.id,
        actor: event.by.id,
        roles: [...by],
        event: "Reported",
        from: "none",
        to: initial.id,
        allowed: [...allowed],
        reason: `workflow ${workflow.id} lets only ${allowed.join(", ")} report a case`
      })
    );
  }
  const limits = limitsFor(intake, policy);
  if (Either8.isLeft(limits)) return fail(limits.left);
  const response = policy.clock(event.at, limits.right.response);
  if (Either8.isLeft(response)) return fail(clockError(response.left));
  const level2 = policy.requiredLevel(intake.category, intake.severity);
  if (rank2(policy, level2) < 0) {
    return fail(`the required level ${level2} is not a level of workflow ${workflow.id} (${workflow.levels.join(", ")})`);
  }
  return Either8.right(
    new Case(
      {
        id: intake.id,
        tenant: intake.tenant,
        intake,
        status: initial.phase,
        ...initial.id === initial.phase ? {} : { stage: initial.id },
        level: level2,
        due: new Due({ response: response.right }),
        reportedAt: event.at,
        reopenCount: 0,
        extensionCount: 0,
        escalationCount: 0,
        returnCount: 0,
        history: [event],
        version: 1
      },
      trusted3
    )
  );
};
var transition = (self, event, policy) => {
  const tag = event._tag;
  const workflow = policy.workflow;
  const from2 = stageOf(self);
  const rule = tag === "Reported" ? void 0 : Option5.getOrUndefined(transitionFor(workflow, from2, tag));
  const target = rule === void 0 ? void 0 : Option5.getOrUndefined(stateOf2(workflow, rule.to));
  const fail = (reason2) => Either8.left(
    new IllegalTransition({
      caseId: self.id,
      from: from2,
      event: tag,
      ...rule === void 0 ? {} : { to: rule.to },
      reason: reason2
    })
  );
  if (rule === void 0 || target === void 0 || event._tag === "Reported") {
    return fail(`${tag} is not allowed while ${from2}; it applies ${describeFrom(workflow, tag)}`);
  }
  const refuse = (actor, reason2, allowed = rule.roles ?? []) => Either8.left(
    new RoleNotPermitted({
      caseId: self.id,
      actor: actor.id,
      roles: [...rolesOf(actor)],
      event: tag,
      from: from2,
      to: rule.to,
      allowed: [...allowed],
      reason: reason2
    })
  );
  if (!allows(rule, rolesOf(event.by))) {
    return refuse(event.by, `workflow ${workflow.id} lets only ${rule.roles?.join(", ")} do this`);
  }
  if (rule.approval !== void 0) {
    const approver = event.approvedBy;
    if (approver === void 0) return fail(`it needs the approval of a ${rule.approval.join(" or ")} (approvedBy)`);
    if (!rolesOf(approver).some((r) => rule.approval?.includes(r))) {
      return refuse(approver, `only ${rule.approval.join(", ")} may approve this`, rule.approval);
    }
    if (approver.id === event.by.id) return refuse(approver, "nobody may approve their own request", rule.approval);
  }
  const verifying = tag === "Verified" || tag === "ReturnVisited";
  if (rule.independent || verifying && !workflow.selfVerification) {
    const handler = resolver(self);
    if (handler !== void 0 && handler.id === event.by.id) {
      return refuse(event.by, `${event.by.id} resolved this case and may not verify their own resolution`);
    }
  }
  if (rule.evidence.length > 0) {
    const shown = /* @__PURE__ */ new Set();
    for (const e of [...self.history, event]) for (const a of e.attachments ?? []) if (a.shows) shown.add(a.shows);
    const missing = rule.evidence.filter((k) => !shown.has(k));
    if (missing.length > 0) return fail(`it needs a photo ${missing.map((k) => `${k} the work`).join(" and ")}`);
  }
  const last2 = Arr.lastNonEmpty(self.history);
  if (DateTime6.lessThan(event.at, last2.at)) {
    return fail(`it is dated ${DateTime6.formatIso(event.at)}, before the last event at ${DateTime6.formatIso(last2.at)}`);
  }
  const limitsE = limitsFor(self.intake, policy);
  if (Either8.isLeft(limitsE)) return fail(limitsE.left);
  const limits = limitsE.right;
  const unreported = (self.coHandlers ?? []).filter((c) => c.reportedAt === void 0).map((c) => c.unit);
  const changes2 = {};
  switch (event._tag) {
    case "Accepted": {
      const required = policy.requiredLevel(self.intake.category, self.intake.severity);
      const level2 = event.level ?? self.level;
      if (rank2(policy, level2) < 0) {
        return fail(`${level2} is not a level of workflow ${workflow.id} (${workflow.levels.join(", ")})`);
      }
      if (rank2(policy, level2) < rank2(policy, required)) {
        return fail(
          `a ${self.intake.severity} ${self.intake.category} case must be handled at ${required} or above, not ${level2}`
        );
      }
      Object.assign(changes2, { level: level2, acceptedAt: event.at, respondedAt: event.at });
      break;
    }
    case "Rejected":
      changes2.respondedAt = event.at;
      break;
    case "Dispatched":
      changes2.assignee = event.to;
      break;
    case "Returned":
      changes2.assignee = void 0;
      changes2.returnCount = self.returnCount + 1;
      break;
    case "ExtensionGranted":
      if (self.extensionCount >= policy.maxExtensions) {
        return fail(`the case already had ${self.extensionCount} extension(s), the most the policy allows`);
      }
      changes2.extensionCount = self.extensionCount + 1;
      break;
    case "Escalated":
      if (rank2(policy, event.to) < 0) {
        return fail(`${event.to} is not a level of workflow ${workflow.id} (${workflow.levels.join(", ")})`);
      }
      if (rank2(policy, event.to) <= rank2(policy, self.level)) {
        return fail(`escalation must go above ${self.level}, not to ${event.to}`);
      }
      changes2.level = event.to;
      changes2.assignee = void 0;
      changes2.escalationCount = self.escalationCount + 1;
      break;
    case "Supervised":
      changes2.priority = raised[self.priority ?? self.intake.priority];
      changes2.supervisor = event.by;
      changes2.supervisionCount = (self.supervisionCount ?? 0) + 1;
      break;
    case "CoHandlersAssigned": {
      const current = self.coHandlers ?? [];
      const again = event.units.filter((u) => current.some((c) => c.unit === u) || u === self.assignee?.unit);
      if (again.length > 0) return fail(`${again.join(", ")} already handle(s) this case`);
      if (new Set(event.units).size !== event.units.length) return fail("a unit is named twice");
      changes2.coHandlers = [...current, ...event.units.map((unit) => new CoHandler({ unit }, trusted3))];
      break;
    }
    case "CoHandlerReported": {
      const current = self.coHandlers ?? [];
      const found = current.find((c) => c.unit === event.unit);
      if (found === void 0) return fail(`${event.unit} is not a co-handler of this case`);
      if (found.reportedAt !== void 0) return fail(`${event.unit} already reported its part`);
      changes2.coHandlers = current.map(
        (c) => c.unit === event.unit ? new CoHandler({ unit: c.unit, reportedAt: event.at }, trusted3) : c
      );
      break;
    }
    case "Resolved":
      if (unreported.length > 0) return fail(`co-handler(s) ${unreported.join(", ")} have not reported their part`);
      changes2.resolvedAt = event.at;
      changes2.resolvedFixed = event.fixed;
      break;
    case "ReturnVisited":
      changes2.returnVisit = event.outcome;
      changes2.resolvedFixed = event.outcome.fixed;
      if (event.outcome.satisfaction !== void 0) changes2.satisfaction = event.outcome.satisfaction;
      break;
    case "Reopened": {
      if (event.reason === "verification-failed" && self.status !== "resolved" && self.status !== "verified") {
        return fail("a failed verification reopens a resolved case, not a closed one");
      }
      if (event.reason === "dissatisfied" && self.status !== "closed") {
        return fail("dissatisfaction reopens a closed case; a resolved case fails verification instead");
      }
      if (self.assignee === void 0) return fail("the case has no assignee to send it back to");
      Object.assign(changes2, {
        reopenCount: self.reopenCount + 1,
        closure: void 0,
        closedAt: void 0,
        resolvedAt: void 0,
        resolvedFixed: void 0,
        satisfaction: void 0,
        returnVisit: void 0
      });
      break;
    }
    case "Closed": {
      if (self.status === "ledger" && event.fixed) {
        return fail("a case on the problem ledger can only close as not fixed; take it off the ledger to fix it");
      }
      if (event.fixed && unreported.length > 0) {
        return fail(`co-handler(s) ${unreported.join(", ")} have not reported their part`);
      }
      if (self.status === "verified" && event.fixed !== self.resolvedFixed) {
        const by = self.returnVisit === void 0 ? "the verified feedback" : "the return visit";
        return fail(`${by} says ${self.resolvedFixed ? "fixed" : "not fixed"}; close it the same way`);
      }
      changes2.closedAt = event.at;
      changes2.closure = event.fixed ? "fixed" : "not-fixed";
      break;
    }
    case "Rated":
      changes2.satisfaction = event.satisfaction;
      break;
    case "Excluded": {
      const approver = event.approvedBy;
      if (approver === void 0) return fail("an exclusion from the assessment needs who approved it (approvedBy)");
      if (approver.id === event.by.id) return refuse(approver, "nobody may approve their own request", []);
      if (self.exclusion !== void 0) return fail(`the case is already excluded (${self.exclusion.reason})`);
      if (event.duplicateOf === self.id) return fail("a case cannot duplicate itself");
      changes2.exclusion = new Exclusion(
        {
          reason: event.reason,
          ...event.note === void 0 ? {} : { note: event.note },
          ...event.duplicateOf === void 0 ? {} : { duplicateOf: event.duplicateOf },
          at: event.at,
          by: event.by,
          approvedBy: approver
        },
        trusted3
      );
      break;
    }
    case "Started":
    case "Verified":
    case "Withdrawn":
    case "Shelved":
    case "Unshelved":
      break;
  }
  const restartResolve = () => Either8.mapLeft(policy.clock(event.at, resolveLimit(self.intake, limits)), clockError);
  switch (rule.clock) {
    case "start-resolve":
    case "restart-resolve": {
      const due = restartResolve();
      if (Either8.isLeft(due)) return fail(due.left);
      changes2.due = new Due({ ...self.due, resolve: due.right });
      break;
    }
    case "restart-response": {
      const response = policy.clock(event.at, limits.response);
      if (Either8.isLeft(response)) return fail(clockError(response.left));
      changes2.due = new Due({ ...self.due, response: response.right });
      break;
    }
    case "extend-resolve": {
      if (event._tag !== "ExtensionGranted") return fail("only an extension can extend the deadline");
      const base = self.due.resolve;
      if (base === void 0) return fail("the case has no resolve deadline to extend");
      if (DateTime6.greaterThan(event.at, base)) {
        return fail(
          `an extension must be granted before the deadline; it passed at ${DateTime6.formatIso(base)} and this one is dated ${DateTime6.formatIso(event.at)}`
        );
      }
      const due = policy.clock(base, event.extension);
      if (Either8.isLeft(due)) return fail(clockError(due.left));
      changes2.due = new Due({ ...self.due, resolve: due.right });
      break;
    }
    case "stop-resolve":
      changes2.due = new Due({ ...self.due.response === void 0 ? {} : { response: self.due.response } });
      break;
    case "none":
      break;
  }
  const next = {
    ...self,
    ...changes2,
    status: target.phase,
    stage: target.id === target.phase ? void 0 : target.id,
    history: [...self.history, event],
    version: self.version + 1
  };
  for (const k of Object.keys(next)) if (next[k] === void 0) delete next[k];
  return Either8.right(new Case(next, { disableValidation: true }));
};
var noticesFor = (self, event, policy) => event._tag === "Reported" ? [] : Option5.match(transitionFor(policy.workflow, stageOf(self), event._tag), {
  onNone: () => [],
  onSome: (t) => t.notify
});
var fold = (events, policy) => {
  const [first, ...rest] = events;
  if (first === void 0 || first._tag !== "Reported") {
    return Either8.left(
      new IllegalTransition({
        caseId: "unknown",
        from: "none",
        event: first?._tag ?? "nothing",
        reason: "a history must start with Reported"
      })
    );
  }
  let acc = open2(first, policy);
  for (const e of rest) {
    if (Either8.isLeft(acc)) return acc;
    acc = transition(acc.right, e, policy);
  }
  return acc;
};
var applyAll = (self, events, policy) => {
  let current = self;
  const refused = [];
  for (const e of events) {
    const r = transition(current, e, policy);
    if (Either8.isRight(r)) current = r.right;
    else refused.push(r.left);
  }
  return { case: current, refused };
};
var decode2 = (input, policy) => {
  const decoded = Schema18.decodeUnknownEither(Case, { errors: "all" })(input);
  if (Either8.isLeft(decoded)) return Either8.left(toDecodeError("Case", decoded.left));
  const stored = decoded.right;
  const folded = fold(stored.history, policy);
  if (Either8.isLeft(folded)) return folded;
  const a = Schema18.encodeSync(Case)(folded.right);
  const b = Schema18.encodeSync(Case)(stored);
  const diff = Object.keys({ ...a, ...b }).filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])
  );
  return diff.length === 0 ? Either8.right(stored) : Either8.left(
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
var nextLevel = (self, levels2 = defaultLevels) => above(levels2, self.level);
var originalDue = (self, policy) => {
  const accepted = self.history.find((e) => e._tag === "Accepted");
  if (accepted === void 0) return void 0;
  return Either8.getOrUndefined(
    Either8.flatMap(limitsFor(self.intake, policy), (l) => policy.clock(accepted.at, resolveLimit(self.intake, l)))
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
  const handling2 = self.status === "accepted" || self.status === "dispatched" || self.status === "in-progress";
  if (handling2 && self.due.resolve === void 0)
    bad("no-deadline", ["due", "resolve"], `${self.status} without a resolve deadline`);
  if (self.status === "ledger" && self.due.resolve !== void 0)
    bad("deadline-on-ledger", ["due", "resolve"], "on the ledger with a running deadline");
  const needsAssignee = ["dispatched", "in-progress", "resolved", "verified"].includes(self.status);
  if (needsAssignee && self.assignee === void 0)
    bad("no-assignee", ["assignee"], `${self.status} without an assignee`);
  const required = policy.requiredLevel(self.intake.category, self.intake.severity);
  if (rank2(policy, self.level) < rank2(policy, required))
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
    if (prev !== void 0 && cur !== void 0 && DateTime6.lessThan(cur.at, prev.at)) {
      bad("history-order", ["history", i], "events out of time order");
      break;
    }
  }
  if (self.version !== self.history.length) bad("version", ["version"], "version must equal the number of events");
  return out;
};

// packages/core/src/case/Metrics.ts
var Metrics_exports = {};
__export(Metrics_exports, {
  Period: () => Period3,
  Ranked: () => Ranked,
  Rate: () => Rate,
  SatisfactionScale: () => SatisfactionScale,
  Summary: () => Summary,
  Weights: () => Weights,
  WeightsDefinition: () => WeightsDefinition,
  bottom: () => bottom,
  closingRate: () => closingRate,
  contains: () => contains,
  defaultContributions: () => defaultContributions3,
  defaultSatisfactionScale: () => defaultSatisfactionScale,
  defaultWeights: () => defaultWeights,
  dueAndDeferred: () => dueAndDeferred,
  exclusions: () => exclusions,
  extensionRate: () => extensionRate,
  month: () => month,
  monthlyRanking: () => monthlyRanking,
  months: () => months,
  onTimeClosingRate: () => onTimeClosingRate,
  rank: () => rank3,
  rate: () => rate,
  resolutionRate: () => resolutionRate,
  responseRate: () => responseRate,
  reworkRate: () => reworkRate,
  satisfactionRate: () => satisfactionRate,
  score: () => score2,
  summarize: () => summarize,
  top: () => top,
  weightsPoint: () => weightsPoint
});
import { DateTime as DateTime7, Schema as Schema19 } from "effect";
var Rate = class extends Schema19.Class("@zhili/Rate")({
  numerator: Schema19.NonNegative,
  denominator: Schema19.NonNegativeInt,
  value: Schema19.NullOr(Schema19.Number)
}) {
};
var rate = (numerator, denominator) => new Rate({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
var Period3 = class extends Schema19.Class("@zhili/Period")({
  from: Schema19.DateTimeUtc,
  to: Schema19.DateTimeUtc
}) {
};
var month = (year2, monthNumber, timeZone = "Asia/Shanghai") => {
  const start = DateTime7.unsafeMakeZoned({ year: year2, month: monthNumber, day: 1 }, { timeZone, adjustForTimeZone: true });
  return new Period3({ from: DateTime7.toUtc(start), to: DateTime7.toUtc(DateTime7.add(start, { months: 1 })) });
};
var months = (from2, to2, timeZone = "Asia/Shanghai") => new Period3({ from: month(from2.year, from2.month, timeZone).from, to: month(to2.year, to2.month, timeZone).to });
var contains = (period3, at) => at.epochMillis >= period3.from.epochMillis && at.epochMillis < period3.to.epochMillis;
var Weights = class extends Schema19.Class("@zhili/CaseMetricWeights")({
  response: Schema19.NonNegative,
  resolution: Schema19.NonNegative,
  satisfaction: Schema19.NonNegative,
  /** Weight of the on-time closing rate (按期结案率) in the score; 0 (the default) leaves it out. */
  onTimeClosing: Schema19.optionalWith(Schema19.NonNegative, { default: () => 0 }),
  /** Weight of rework (返工) in the score, counted as 1 − the rework rate; 0 (the default) leaves it out. */
  rework: Schema19.optionalWith(Schema19.NonNegative, { default: () => 0 }),
  source: Schema19.String
}) {
};
var defaultWeights = new Weights({
  response: 0.3,
  resolution: 0.35,
  satisfaction: 0.35,
  source: "one county's 30/35/35 (STANDARDS.md: open); default to be replaced"
});
var SatisfactionScale = class extends Schema19.Class("@zhili/SatisfactionScale")({
  satisfied: Schema19.Number,
  "basically-satisfied": Schema19.Number,
  dissatisfied: Schema19.Number,
  source: Schema19.String
}) {
};
var defaultSatisfactionScale = new SatisfactionScale({
  satisfied: 1,
  "basically-satisfied": 1,
  dissatisfied: 0,
  source: "default to be replaced (no source fixes the weight of \u57FA\u672C\u6EE1\u610F)"
});
var scoped = (cases3, options2) => options2.scope === void 0 ? cases3 : cases3.filter(options2.scope);
var knownAt = (period3, options2) => options2.asOf === void 0 ? period3.to.epochMillis - 1 : options2.asOf.epochMillis;
var horizon = (period3, options2) => Math.min(period3.to.epochMillis, knownAt(period3, options2) + 1);
var excluded = (c, period3, options2) => c.exclusion !== void 0 && c.exclusion.at.epochMillis <= knownAt(period3, options2);
var countClosedIn = (cases3, period3, options2, counted) => {
  const from2 = period3.from.epochMillis;
  const to2 = horizon(period3, options2);
  const scope = options2.scope;
  let closed = 0;
  let n = 0;
  for (const c of cases3) {
    if (scope !== void 0 && !scope(c)) continue;
    if (c.status !== "closed" || c.closedAt === void 0 || excluded(c, period3, options2)) continue;
    const at = c.closedAt.epochMillis;
    if (at < from2 || at >= to2) continue;
    closed++;
    if (counted(c)) n++;
  }
  return rate(n, closed);
};
var responseRate = (cases3, period3, options2) => {
  const from2 = period3.from.epochMillis;
  const to2 = horizon(period3, options2);
  const asOf2 = knownAt(period3, options2);
  const scope = options2.scope;
  let reported = 0;
  let onTime = 0;
  for (const c of cases3) {
    if (scope !== void 0 && !scope(c)) continue;
    const at = c.reportedAt.epochMillis;
    if (at < from2 || at >= to2 || excluded(c, period3, options2)) continue;
    const responded = c.respondedAt !== void 0 && c.respondedAt.epochMillis <= asOf2 ? c.respondedAt : void 0;
    const due = c.due.response;
    if (responded === void 0) {
      if (due !== void 0 && due.epochMillis > asOf2) continue;
      if (withdrawnUnanswered(c, asOf2)) continue;
    }
    reported++;
    if (responded !== void 0 && (due === void 0 || responded.epochMillis <= due.epochMillis)) onTime++;
  }
  return rate(onTime, reported);
};
var withdrawnUnanswered = (c, asOf2) => {
  for (const e of c.history) {
    if (e.at.epochMillis > asOf2) return false;
    if (e._tag === "Accepted" || e._tag === "Rejected") return false;
    if (e._tag === "Withdrawn") return true;
  }
  return false;
};
var resolutionRate = (cases3, period3, options2) => countClosedIn(cases3, period3, options2, isFixed);
var isFixed = (c) => c.closure === "fixed";
var satisfactionRate = (cases3, period3, options2) => {
  const scale2 = options2.satisfaction ?? defaultSatisfactionScale;
  const from2 = period3.from.epochMillis;
  const to2 = horizon(period3, options2);
  const scope = options2.scope;
  let rated = 0;
  let sum = 0;
  for (const c of cases3) {
    if (scope !== void 0 && !scope(c)) continue;
    if (c.status !== "closed" || c.closedAt === void 0 || c.satisfaction === void 0) continue;
    if (excluded(c, period3, options2)) continue;
    const at = c.closedAt.epochMillis;
    if (at < from2 || at >= to2) continue;
    rated++;
    sum += scale2[c.satisfaction];
  }
  return rate(sum, rated);
};
var score2 = (rates, weights2 = defaultWeights) => {
  const parts = [];
  for (const k of ["response", "resolution", "satisfaction"]) {
    const v = rates[k].value;
    if (v !== null) parts.push([weights2[k], v]);
  }
  const onTime = rates.onTimeClosing?.value;
  if (weights2.onTimeClosing > 0 && onTime !== void 0 && onTime !== null) parts.push([weights2.onTimeClosing, onTime]);
  const rework = rates.rework?.value;
  if (weights2.rework > 0 && rework !== void 0 && rework !== null) parts.push([weights2.rework, 1 - rework]);
  const total = parts.reduce((s, [w]) => s + w, 0);
  if (parts.length === 0 || total === 0) return null;
  return Math.round(parts.reduce((s, [w, v]) => s + w * v, 0) / total * 100 * 1e6) / 1e6;
};
var dueAndDeferred = (cases3, period3, options2) => {
  const due = [];
  const deferred = [];
  const from2 = period3.from.epochMillis;
  const to2 = period3.to.epochMillis;
  const scope = options2.scope;
  for (const c of cases3) {
    if (scope !== void 0 && !scope(c)) continue;
    if (excluded(c, period3, options2)) continue;
    const d = originalDue(c, options2.policy);
    if (d === void 0 || d.epochMillis < from2 || d.epochMillis >= to2) continue;
    due.push(c);
    if (deferredBy(c, to2)) deferred.push(c);
  }
  return { due, deferred };
};
var deferredBy = (c, to2) => {
  for (const e of c.history)
    if ((e._tag === "ExtensionGranted" || e._tag === "Shelved") && e.at.epochMillis < to2) return true;
  return false;
};
var closingCounts = (cases3, period3, options2) => {
  const from2 = period3.from.epochMillis;
  const to2 = period3.to.epochMillis;
  const end = horizon(period3, options2);
  const scope = options2.scope;
  let base = 0;
  let closed = 0;
  let onTime = 0;
  for (const c of cases3) {
    if (scope !== void 0 && !scope(c)) continue;
    if (excluded(c, period3, options2)) continue;
    const due = originalDue(c, options2.policy);
    if (due === void 0 || due.epochMillis < from2 || due.epochMillis >= to2 || deferredBy(c, end)) continue;
    const closedInTime = c.status === "closed" && c.closedAt !== void 0 && c.closedAt.epochMillis < end;
    if (!closedInTime && due.epochMillis > knownAt(period3, options2)) continue;
    base++;
    if (!closedInTime) continue;
    closed++;
    let resolved;
    let closing;
    for (let i = c.history.length - 1; i >= 0 && resolved === void 0; i--) {
      const e = c.history[i];
      if (e._tag === "Resolved") resolved = e.at.epochMillis;
      else if (e._tag === "Closed" && closing === void 0) closing = e.at.epochMillis;
    }
    const feedback = resolved ?? closing;
    if (feedback !== void 0 && feedback <= due.epochMillis) onTime++;
  }
  return { base, closed, onTime };
};
var closingRate = (cases3, period3, options2) => {
  const n = closingCounts(cases3, period3, options2);
  return rate(n.closed, n.base);
};
var onTimeClosingRate = (cases3, period3, options2) => {
  const n = closingCounts(cases3, period3, options2);
  return rate(n.onTime, n.base);
};
var reworkRate = (cases3, period3, options2) => countClosedIn(cases3, period3, options2, (c) => c.reopenCount > 0);
var extensionRate = (cases3, period3, options2) => {
  const from2 = period3.from.epochMillis;
  const to2 = horizon(period3, options2);
  const scope = options2.scope;
  let accepted = 0;
  let extended = 0;
  for (const c of cases3) {
    if (scope !== void 0 && !scope(c)) continue;
    if (c.acceptedAt === void 0 || c.acceptedAt.epochMillis < from2 || c.acceptedAt.epochMillis >= to2) continue;
    if (excluded(c, period3, options2)) continue;
    accepted++;
    if (c.history.some((e) => e._tag === "ExtensionGranted" && e.at.epochMillis < to2)) extended++;
  }
  return rate(extended, accepted);
};
var exclusions = (cases3, period3, options2) => {
  const from2 = period3.from.epochMillis;
  const to2 = horizon(period3, options2);
  const out = [];
  for (const c of scoped(cases3, options2)) {
    const at = c.reportedAt.epochMillis;
    if (at < from2 || at >= to2 || c.exclusion === void 0 || !excluded(c, period3, options2)) continue;
    out.push({ case: c, exclusion: c.exclusion });
  }
  return out;
};
var Summary = class extends Schema19.Class("@zhili/CaseMetricsSummary")({
  period: Period3,
  reported: Schema19.NonNegativeInt,
  closed: Schema19.NonNegativeInt,
  closedFixed: Schema19.NonNegativeInt,
  closedNotFixed: Schema19.NonNegativeInt,
  response: Rate,
  resolution: Rate,
  satisfaction: Rate,
  score: Schema19.NullOr(Schema19.Number),
  closing: Rate,
  onTimeClosing: Rate,
  rework: Rate,
  extension: Rate
}) {
};
var summarize = (cases3, period3, options2) => {
  const response = responseRate(cases3, period3, options2);
  const resolution = resolutionRate(cases3, period3, options2);
  const satisfaction = satisfactionRate(cases3, period3, options2);
  const notFixed = countClosedIn(cases3, period3, options2, (c) => c.closure === "not-fixed");
  const closing = closingCounts(cases3, period3, options2);
  const from2 = period3.from.epochMillis;
  const end = horizon(period3, options2);
  let reported = 0;
  for (const c of cases3) {
    if (options2.scope !== void 0 && !options2.scope(c)) continue;
    const at = c.reportedAt.epochMillis;
    if (at >= from2 && at < end) reported++;
  }
  return new Summary({
    period: period3,
    reported,
    closed: resolution.denominator,
    closedFixed: resolution.numerator,
    closedNotFixed: notFixed.numerator,
    response,
    resolution,
    satisfaction,
    score: score2(
      {
        response,
        resolution,
        satisfaction,
        onTimeClosing: rate(closing.onTime, closing.base),
        rework: reworkRate(cases3, period3, options2)
      },
      options2.weights
    ),
    closing: rate(closing.closed, closing.base),
    onTimeClosing: rate(closing.onTime, closing.base),
    rework: reworkRate(cases3, period3, options2),
    extension: extensionRate(cases3, period3, options2)
  });
};
var Ranked = class extends Schema19.Class("@zhili/Ranked")({
  unit: Schema19.String,
  score: Schema19.NullOr(Schema19.Number),
  rank: Schema19.NullOr(Schema19.Int)
}) {
};
var rank3 = (entries) => {
  const scored = entries.filter((e) => e.score !== null);
  const out = rank(
    scored,
    (e) => e.score,
    (e) => e.unit
  ).map((r) => new Ranked({ unit: r.item.unit, score: r.score, rank: r.rank }));
  const unscored = entries.filter((e) => e.score === null).map((e) => e.unit).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  for (const unit of unscored) out.push(new Ranked({ unit, score: null, rank: null }));
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
    if (u === void 0) continue;
    const of = byUnit.get(u);
    if (of === void 0) byUnit.set(u, [c]);
    else of.push(c);
  }
  const plain = {
    policy: options2.policy,
    ...options2.satisfaction ? { satisfaction: options2.satisfaction } : {},
    ...options2.asOf === void 0 ? {} : { asOf: options2.asOf }
  };
  const weights2 = options2.weights ?? defaultWeights;
  return rank3(
    [...byUnit].map(([unit, cs]) => ({
      unit,
      score: score2(
        {
          response: responseRate(cs, period3, plain),
          resolution: resolutionRate(cs, period3, plain),
          satisfaction: satisfactionRate(cs, period3, plain),
          ...weights2.onTimeClosing > 0 ? { onTimeClosing: onTimeClosingRate(cs, period3, plain) } : {},
          ...weights2.rework > 0 ? { rework: reworkRate(cs, period3, plain) } : {}
        },
        weights2
      )
    }))
  );
};
var WeightsDefinition = class extends Schema19.Class("@zhili/CaseMetricWeightsDefinition")({
  id: Schema19.NonEmptyString,
  weights: Weights
}) {
};
var weightsPoint = extensionPoint({
  id: "case.metricWeights",
  description: "Weights of the three rates (\u54CD\u5E94\u7387\u3001\u89E3\u51B3\u7387\u3001\u6EE1\u610F\u7387) in the composite score, keyed by id.",
  schema: WeightsDefinition,
  key: (w) => w.id
});
var defaultContributions3 = [
  contribute(weightsPoint, [new WeightsDefinition({ id: "default", weights: defaultWeights })])
];

// packages/core/src/case/Escalation.ts
var Escalation_exports = {};
__export(Escalation_exports, {
  Ladder: () => Ladder,
  LadderDefinition: () => LadderDefinition,
  Settled: () => Settled,
  defaultContributions: () => defaultContributions4,
  defaultLadder: () => defaultLadder,
  escalateOverdue: () => escalateOverdue,
  laddersPoint: () => laddersPoint,
  overdueEscalation: () => overdueEscalation,
  requiredLevel: () => requiredLevel,
  settledShares: () => settledShares
});
import { Either as Either9, Option as Option6, Schema as Schema20 } from "effect";
var Ladder = class extends Schema20.Class("@zhili/EscalationLadder")({
  floors: Schema20.Struct({ minor: HandlingLevel, major: HandlingLevel, critical: HandlingLevel }),
  source: Schema20.String
}) {
};
var defaultLadder = new Ladder({
  floors: { minor: "micro-grid", major: "community", critical: "street" },
  source: "seed: \u5C0F\u4E8B\u4E0D\u51FA\u5C0F\u533A\u3001\u5927\u4E8B\u4E0D\u51FA\u793E\u533A; critical \u2192 street is a default to be replaced"
});
var requiredLevel = (ladder, catalogue, order = levels) => (category, severity) => maxLevel(
  Option6.getOrElse(levelOf(catalogue, category), () => "community"),
  ladder.floors[severity],
  order
);
var overdueEscalation = (self, at, order = levels) => isOverdue3(self, at) ? Option6.map(
  levelAbove(self.level, order),
  (to2) => ({ _tag: "Escalated", at, by: system, to: to2, reason: "overdue" })
) : Option6.none();
var escalateOverdue = (cases3, at, policy) => cases3.map(
  (c) => Option6.match(overdueEscalation(c, at, policy.workflow.levels), {
    onNone: () => c,
    onSome: (e) => Either9.getOrElse(transition(c, e, policy), () => c)
  })
);
var Settled = class extends Schema20.Class("@zhili/SettledShares")({
  closed: Schema20.NonNegativeInt,
  inCompound: Rate,
  inCommunity: Rate
}) {
};
var settledShares = (cases3, period3, scope = () => true) => {
  const from2 = period3.from.epochMillis;
  const to2 = period3.to.epochMillis;
  const compound = levelRank("compound");
  const community = levelRank("community");
  let closed = 0;
  let inCompound = 0;
  let inCommunity = 0;
  for (const c of cases3) {
    if (!scope(c) || c.closedAt === void 0) continue;
    const at = c.closedAt.epochMillis;
    if (at < from2 || at >= to2) continue;
    closed++;
    const r = levelRank(c.level);
    if (r <= compound) inCompound++;
    if (r <= community) inCommunity++;
  }
  return new Settled({ closed, inCompound: rate(inCompound, closed), inCommunity: rate(inCommunity, closed) });
};
var LadderDefinition = class extends Schema20.Class("@zhili/EscalationLadderDefinition")({
  id: Schema20.NonEmptyString,
  ladder: Ladder
}) {
};
var laddersPoint = extensionPoint({
  id: "case.escalationLadders",
  description: "Escalation ladders (\u5206\u7EA7\u5904\u7F6E): the lowest handling level per severity, keyed by id.",
  schema: LadderDefinition,
  key: (l) => l.id
});
var defaultContributions4 = [
  contribute(laddersPoint, [new LadderDefinition({ id: "default", ladder: defaultLadder })])
];

// packages/core/src/grid/Grid.ts
var Grid_exports = {};
__export(Grid_exports, {
  Grid: () => Grid,
  LeaderPolicyDefinition: () => LeaderPolicyDefinition,
  LeaderRequirementSchema: () => LeaderRequirementSchema,
  Level: () => Level3,
  coverage: () => coverage,
  defaultContributions: () => defaultContributions6,
  defaultLeaderPolicy: () => defaultLeaderPolicy,
  leaderAssignment: () => leaderAssignment,
  leaderPoliciesPoint: () => leaderPoliciesPoint,
  leaderPolicyOf: () => leaderPolicyOf,
  location: () => location5,
  microGridByBuilding: () => microGridByBuilding,
  pathOf: () => pathOf,
  rollup: () => rollup
});
import { Schema as Schema25 } from "effect";

// packages/core/src/kernel/Division.ts
import { Option as Option7, Schema as Schema21 } from "effect";
var provinces = /* @__PURE__ */ new Map([
  ["11", "\u5317\u4EAC\u5E02"],
  ["12", "\u5929\u6D25\u5E02"],
  ["13", "\u6CB3\u5317\u7701"],
  ["14", "\u5C71\u897F\u7701"],
  ["15", "\u5185\u8499\u53E4\u81EA\u6CBB\u533A"],
  ["21", "\u8FBD\u5B81\u7701"],
  ["22", "\u5409\u6797\u7701"],
  ["23", "\u9ED1\u9F99\u6C5F\u7701"],
  ["31", "\u4E0A\u6D77\u5E02"],
  ["32", "\u6C5F\u82CF\u7701"],
  ["33", "\u6D59\u6C5F\u7701"],
  ["34", "\u5B89\u5FBD\u7701"],
  ["35", "\u798F\u5EFA\u7701"],
  ["36", "\u6C5F\u897F\u7701"],
  ["37", "\u5C71\u4E1C\u7701"],
  ["41", "\u6CB3\u5357\u7701"],
  ["42", "\u6E56\u5317\u7701"],
  ["43", "\u6E56\u5357\u7701"],
  ["44", "\u5E7F\u4E1C\u7701"],
  ["45", "\u5E7F\u897F\u58EE\u65CF\u81EA\u6CBB\u533A"],
  ["46", "\u6D77\u5357\u7701"],
  ["50", "\u91CD\u5E86\u5E02"],
  ["51", "\u56DB\u5DDD\u7701"],
  ["52", "\u8D35\u5DDE\u7701"],
  ["53", "\u4E91\u5357\u7701"],
  ["54", "\u897F\u85CF\u81EA\u6CBB\u533A"],
  ["61", "\u9655\u897F\u7701"],
  ["62", "\u7518\u8083\u7701"],
  ["63", "\u9752\u6D77\u7701"],
  ["64", "\u5B81\u590F\u56DE\u65CF\u81EA\u6CBB\u533A"],
  ["65", "\u65B0\u7586\u7EF4\u543E\u5C14\u81EA\u6CBB\u533A"],
  ["71", "\u53F0\u6E7E\u7701"],
  ["81", "\u9999\u6E2F\u7279\u522B\u884C\u653F\u533A"],
  ["82", "\u6FB3\u95E8\u7279\u522B\u884C\u653F\u533A"]
]);
var Level2 = Schema21.Literal("province", "prefecture", "county", "township", "village");
var TownshipKind = Schema21.Literal("street", "town", "township", "other");
var VillageKind = Schema21.Literal("residents-committee", "villagers-committee", "other");
var validateStructure = (input) => {
  if (typeof input !== "string") return [error("division/characters", [], "a division code must be a string")];
  const findings = [];
  if (![6, 9, 12].includes(input.length)) {
    findings.push(
      error(
        "division/length",
        [],
        `a division code has 6, 9 or 12 digits (county, township or village level), not ${input.length}`
      )
    );
  }
  if (!/^\d*$/.test(input)) {
    findings.push(error("division/characters", [], `a division code has only digits: "${clip(input)}"`));
  }
  if (findings.length > 0) return findings;
  const province = input.slice(0, 2);
  if (!provinces.has(province)) {
    findings.push(error("division/province", [], `${province} is not a province code of GB/T 2260 (11\u201382)`));
  }
  const parts = [input.slice(2, 4), input.slice(4, 6), input.slice(6, 9), input.slice(9, 12)].filter((p) => p !== "");
  const firstZero = parts.findIndex((p) => /^0+$/.test(p));
  if (firstZero >= 0 && parts.slice(firstZero).some((p) => !/^0+$/.test(p))) {
    findings.push(
      error(
        "division/structure",
        [],
        `${input} has a lower level under an empty (all-zero) ${["prefecture", "county", "township", "village"][firstZero]} part`
      )
    );
  }
  return findings;
};
var clip = (s) => s.length > 24 ? `${s.slice(0, 24)}\u2026` : s;
var DivisionCode = Schema21.String.pipe(
  Schema21.filter((s) => {
    const issues = validateStructure(s);
    return issues.length === 0 || issues.map((f) => f.message).join("; ");
  }),
  Schema21.brand("@zhili/DivisionCode"),
  Schema21.annotations({
    identifier: "DivisionCode",
    title: "division code (6, 9 or 12 digits)",
    arbitrary: () => (fc) => fc.tuple(
      fc.constantFrom(...provinces.keys()),
      fc.integer({ min: 0, max: 4 }),
      fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 4, maxLength: 4 })
    ).map(([p, depth, n]) => {
      const parts = [pad2(n[0] ?? 1, 2), pad2(n[1] ?? 1, 2), pad2(n[2] ?? 1, 3), pad2(n[3] ?? 1, 3)];
      const kept = parts.map((part, i) => i < depth ? part : "0".repeat(part.length));
      const code = p + kept.join("");
      return canonicalString(code);
    })
  })
);
var pad2 = (n, width) => String(n).padStart(width, "0");
var wellFormed = /^\d{2}(?:\d{4}|\d{7}|\d{10})$/;
var isDivisionCode = (u) => {
  if (typeof u !== "string" || !wellFormed.test(u) || !provinces.has(u.slice(0, 2))) return false;
  const parts = [u.slice(2, 4), u.slice(4, 6), u.slice(6, 9), u.slice(9, 12)];
  let zero = false;
  for (const p of parts) {
    if (p === "") break;
    const isZero = p === "00" || p === "000";
    if (zero && !isZero) return false;
    zero = zero || isZero;
  }
  return true;
};
var canonicalString = (code) => {
  const nine = code.length === 12 && code.endsWith("000") ? code.slice(0, 9) : code;
  return nine.length === 9 && nine.endsWith("000") ? nine.slice(0, 6) : nine;
};
var level = (code) => {
  const c = canonicalString(code);
  if (c.length === 12) return "village";
  if (c.length === 9) return "township";
  if (c.slice(2, 4) === "00") return "province";
  if (c.slice(4, 6) === "00") return "prefecture";
  return "county";
};
var villageKind = (code) => {
  if (level(code) !== "village") return void 0;
  const n = Number(code.slice(9, 12));
  return n <= 199 ? "residents-committee" : n <= 399 ? "villagers-committee" : "other";
};
var Entry = class extends Schema21.Class("@zhili/DivisionEntry")({
  code: DivisionCode,
  name: Schema21.String,
  placeholder: Schema21.optionalWith(Schema21.Boolean, { default: () => false }),
  note: Schema21.optional(Schema21.String)
}) {
};
var Dataset = class extends Schema21.Class("@zhili/DivisionDataset")({
  asOf: LocalDate,
  source: Schema21.String,
  entries: Schema21.Array(Entry)
}) {
};
var indexes3 = /* @__PURE__ */ new WeakMap();
var indexOf3 = (dataset) => {
  let index = indexes3.get(dataset);
  if (index === void 0) {
    index = new Map(dataset.entries.map((e) => [canonicalString(e.code), e]));
    indexes3.set(dataset, index);
  }
  return index;
};
var entry = (code, name, placeholder) => new Entry({
  code,
  name,
  placeholder: placeholder !== void 0,
  ...placeholder !== void 0 ? { note: placeholder } : {}
});
var placeholderNote = "placeholder code: the real statistical code was not confirmed when this dataset was made; replace with the host's data";
var exampleDataset = new Dataset({
  asOf: "2026-11-01",
  source: "GB/T 2260 and the National Bureau of Statistics statistical division codes, as listed in STANDARDS.md; placeholders marked",
  entries: [
    entry("440000", "\u5E7F\u4E1C\u7701"),
    entry("440800", "\u6E5B\u6C5F\u5E02"),
    entry("440881", "\u5EC9\u6C5F\u5E02"),
    entry("440881002", "\u57CE\u5357\u8857\u9053"),
    entry("440881002001", "\u65B0\u8D8A\u793E\u533A", placeholderNote),
    entry("360000", "\u6C5F\u897F\u7701"),
    entry("360700", "\u8D63\u5DDE\u5E02"),
    entry("360733", "\u4F1A\u660C\u53BF"),
    entry("360733100", "\u6587\u6B66\u575D\u9547", placeholderNote),
    entry("360733101", "\u7B60\u95E8\u5CAD\u9547", placeholderNote),
    entry("360733102", "\u897F\u6C5F\u9547", placeholderNote),
    entry("360733200", "\u6E05\u6EAA\u4E61", placeholderNote),
    entry("370000", "\u5C71\u4E1C\u7701"),
    entry("370300", "\u6DC4\u535A\u5E02"),
    entry("370303", "\u5F20\u5E97\u533A")
  ]
});
var lookup2 = (code, dataset = exampleDataset) => isDivisionCode(code) ? Option7.fromNullable(indexOf3(dataset).get(canonicalString(code))) : Option7.none();

// packages/core/src/kernel/GridCode.ts
import { Either as Either10, Schema as Schema22 } from "effect";
var clip2 = (s) => s.length > 24 ? `${s.slice(0, 24)}\u2026` : s;
var communityFindings = (community, path) => {
  const structural = validateStructure(community);
  if (structural.length > 0) {
    return [
      error(
        "grid-code/community",
        path,
        `the community part ${community} is not a division code: ${structural.map((f) => f.message).join("; ")}`
      )
    ];
  }
  if (level(community) !== "village") {
    return [
      error(
        "grid-code/community",
        path,
        `the community part ${community} is not a village-level unit: a grid belongs to one community, never directly to a street or county`
      )
    ];
  }
  return [];
};
var validate5 = (input, options2 = {}) => {
  if (typeof input !== "string") return [error("grid-code/characters", [], "a grid code is a string")];
  const findings = [];
  if (input.length !== 15 && input.length !== 20) {
    findings.push(
      error(
        "grid-code/length",
        [],
        `a grid code has 15 digits (unit grid) or 20 digits (community grid), not ${input.length}: "${clip2(input)}"`
      )
    );
  }
  if (!/^\d*$/.test(input)) {
    findings.push(error("grid-code/characters", [], `a grid code has only digits: "${clip2(input)}"`));
  }
  if (findings.length > 0) return findings;
  const community = input.length === 15 ? input.slice(0, 12) : input.slice(6, 18);
  findings.push(...communityFindings(community, ["community"]));
  if (input.length === 15 && input.slice(12) === "000") {
    findings.push(error("grid-code/sequence", ["sequence"], "a unit grid sequence runs from 001 to 999"));
  }
  if (findings.length === 0 && options2.dataset !== void 0) {
    const found = lookup2(community, options2.dataset);
    if (found._tag === "None") {
      findings.push(
        warning(
          "grid-code/unknown-community",
          ["community"],
          `community ${community} is not in the division dataset of ${options2.dataset.asOf}`
        )
      );
    }
  }
  return findings;
};
var schemaOf = (length, brand, identifier, title) => Schema22.String.pipe(
  Schema22.filter((s) => {
    if (s.length !== length) return `a ${title} has ${length} digits, not ${s.length}`;
    const errors = validate5(s).filter((f) => f.severity === "error");
    return errors.length === 0 || errors.map((f) => ({ path: f.path.map(String), message: f.message }));
  }),
  Schema22.brand(brand),
  Schema22.annotations({ identifier, title })
);
var UnitGridCode = schemaOf(15, "@zhili/UnitGridCode", "UnitGridCode", "unit grid code");
var CommunityGridCode = schemaOf(20, "@zhili/CommunityGridCode", "CommunityGridCode", "community grid code");
var UnitParts = class extends Schema22.TaggedClass("@zhili/UnitGridCodeParts")("Unit", {
  code: UnitGridCode,
  community: DivisionCode,
  sequence: Schema22.Int
}) {
};
var CommunityParts = class extends Schema22.TaggedClass("@zhili/CommunityGridCodeParts")("Community", {
  code: CommunityGridCode,
  objectCode: Schema22.String,
  community: DivisionCode,
  grid: Schema22.Int,
  undivided: Schema22.Boolean
}) {
};
var validateIn = (code, communityCode) => {
  const findings = [...validate5(code)];
  findings.push(...communityFindings(communityCode, ["communityCode"]));
  if (findings.length === 0) {
    const embedded = code.length === 15 ? code.slice(0, 12) : code.slice(6, 18);
    if (embedded !== communityCode) {
      findings.push(
        error(
          "grid-code/community-mismatch",
          ["community"],
          `grid ${code} belongs to community ${embedded}, not ${communityCode}`
        )
      );
    }
  }
  return findings;
};
var SequenceExhausted = class extends Schema22.TaggedError()("SequenceExhausted", {
  community: Schema22.String,
  kind: Schema22.Literal("unit", "community"),
  max: Schema22.Int
}) {
  get message() {
    return `community ${this.community}: no free ${this.kind} grid number left (all ${this.max} are taken)`;
  }
};

// packages/core/src/org/Membership.ts
import { Schema as Schema23 } from "effect";
var Role2 = Schema23.Literal("secretary", "deputy-secretary", "committee-member", "member");
var Standing = Schema23.Literal("full", "probationary");
var Membership = class extends Schema23.Class("@zhili/Membership")({
  id: MembershipId,
  tenant: TenantId,
  person: PersonId,
  unit: OrgUnitId,
  role: Role2,
  standing: Standing,
  start: LocalDate,
  end: Schema23.optional(LocalDate)
}) {
};
var isActive = (m, on) => m.start <= on && (m.end === void 0 || on <= m.end);
var CompositionPolicy = class extends Schema23.Class("@zhili/CompositionPolicy")({
  /** Full members needed to form a branch (Art. 4: 3). */
  minMembers: Schema23.NonNegativeInt,
  /** A branch generally has at most this many members (Art. 4: 50). */
  maxBranchMembers: Schema23.NonNegativeInt,
  /** From this many full members a branch elects a committee (7). */
  committeeFrom: Schema23.NonNegativeInt,
  /** Usual committee size (3–5). */
  committeeMin: Schema23.NonNegativeInt,
  committeeMax: Schema23.NonNegativeInt,
  /** Committee size never exceeded (7). */
  committeeHardMax: Schema23.NonNegativeInt,
  /** From this many members a general branch fits (50, one source). */
  generalBranchFrom: Schema23.NonNegativeInt,
  /** From this many members a base committee fits (100, one source). */
  baseCommitteeFrom: Schema23.NonNegativeInt
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
import { Schema as Schema24 } from "effect";
var knownKinds = {
  "grid-leader": { nameZh: "\u7F51\u683C\u957F", nameEn: "grid leader" },
  "building-backbone": { nameZh: "\u515A\u5458\u697C\u680B\u9AA8\u5E72", nameEn: "party-member building backbone" },
  "property-steward": { nameZh: "\u7269\u4E1A\u7BA1\u5BB6", nameEn: "property steward" },
  mediator: { nameZh: "\u8C03\u89E3\u5458", nameEn: "mediator" },
  "judge-volunteer": { nameZh: "\u6CD5\u5B98\u5FD7\u613F\u8005", nameEn: "judge volunteer" },
  "social-worker": { nameZh: "\u793E\u5DE5", nameEn: "social worker" },
  "volunteer-team-lead": { nameZh: "\u5FD7\u613F\u670D\u52A1\u961F\u961F\u957F", nameEn: "volunteer team lead" },
  volunteer: { nameZh: "\u5FD7\u613F\u8005", nameEn: "volunteer" }
};
var PostKind = Schema24.String.pipe(
  Schema24.pattern(/^([a-z][a-z0-9-]*\/)?[a-z][a-z0-9-]*$/, {
    message: () => 'a post kind is lower-case words joined by "-"'
  }),
  Schema24.annotations({ identifier: "PostKind" })
);
var PostKindDefinition = class extends Schema24.Class("@zhili/PostKindDefinition")({
  id: PostKind,
  nameZh: Schema24.NonEmptyString,
  nameEn: Schema24.NonEmptyString
}) {
};
var defaultKindRegistry = Object.fromEntries(
  Object.entries(knownKinds).map(([id2, k]) => [id2, new PostKindDefinition({ id: id2, ...k })])
);
var postKindsPoint = extensionPoint({
  id: "org.postKinds",
  description: "Kinds of post (\u5C97\u4F4D\u7C7B\u578B), keyed by kind id.",
  schema: PostKindDefinition,
  key: (k) => k.id
});
var defaultContributions5 = [
  contribute(postKindsPoint, Object.values(defaultKindRegistry))
];
var Post = class extends Schema24.Class("@zhili/Post")(
  Schema24.Struct({
    id: PostId,
    tenant: TenantId,
    kind: PostKind,
    title: Schema24.optional(Schema24.String),
    unit: Schema24.optional(OrgUnitId),
    grid: Schema24.optional(GridId),
    termYears: Schema24.optional(Schema24.Int.pipe(Schema24.between(1, 10))),
    /** How many people may hold the post at once (default 1: a single-holder post such as a secretary). */
    holders: Schema24.optional(Schema24.Int.pipe(Schema24.between(1, 1e3)))
  }).pipe(
    Schema24.filter(
      (p) => p.unit !== void 0 || p.grid !== void 0 ? void 0 : { path: ["unit"], message: "a post belongs to a unit or a grid: give unit, grid or both" }
    )
  )
) {
};
var Holding = class extends Schema24.Class("@zhili/PostHolding")({
  id: MembershipId,
  tenant: TenantId,
  post: PostId,
  person: PersonId,
  start: LocalDate,
  end: Schema24.optional(LocalDate),
  termEnd: Schema24.optional(LocalDate)
}) {
};
var isActive2 = (h, on) => h.start <= on && (h.end === void 0 || on <= h.end);
var holderOn = (post, holdings, on) => holdings.filter((h) => h.post === post && isActive2(h, on)).sort((a, b) => compare(b.start, a.start))[0];
var CoveragePolicy = class extends Schema24.Class("@zhili/PostCoveragePolicy")({
  incompatible: Schema24.Array(Schema24.Struct({ a: PostKind, b: PostKind, source: Schema24.String }))
}) {
};
var defaultCoveragePolicy = new CoveragePolicy({
  incompatible: [
    { a: "mediator", b: "judge-volunteer", source: "default to be replaced" },
    { a: "property-steward", b: "building-backbone", source: "default to be replaced" }
  ]
});

// packages/core/src/grid/Grid.ts
var CommunityCode = DivisionCode.pipe(
  Schema25.filter((code) => villageKind(code) === "residents-committee", {
    message: () => "a grid's community is a 12-digit residents' committee code (village-level part 001\u2013199)"
  })
);
var Level3 = Schema25.Literal("large", "small", "micro");
var Grid = class extends Schema25.Class("@zhili/Grid")({
  id: GridId,
  tenant: TenantId,
  level: Level3,
  name: Schema25.NonEmptyTrimmedString,
  code: Schema25.Union(UnitGridCode, CommunityGridCode),
  community: CommunityCode,
  parent: Schema25.optional(GridId),
  buildings: Schema25.optionalWith(Schema25.Array(BuildingId), { default: () => [] }),
  leaderPost: Schema25.optional(PostId),
  /** The party organisation built on this grid's compound (支部建在小区上), e.g. the compound branch of a large grid. */
  partyUnit: Schema25.optional(OrgUnitId),
  boundary: Schema25.optional(Boundary)
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
    const embedded = g.code.length === 15 ? g.code.slice(0, 12) : g.code.slice(6, 18);
    if (embedded !== g.community)
      findings.push(
        ...prefix(
          validateIn(g.code, g.community).filter((f) => f.code === "grid-code/community-mismatch"),
          path
        ).map((f) => error("grid/code-outside-community", [...path, "code"], `grid ${g.id}: ${f.message}`))
      );
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
    const siblings = children2.get(parent.id);
    if (siblings === void 0) children2.set(parent.id, [g]);
    else siblings.push(g);
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
      const by = claims.get(b);
      if (by === void 0) claims.set(b, [g.id]);
      else if (!by.includes(g.id)) by.push(g.id);
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
    const empty2 = below === void 0 ? g.buildings.length === 0 : (children2.get(g.id) ?? []).length === 0;
    if (empty2)
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
var location5 = (grid, grids2) => ({
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
      (m) => m.person === holder.person && isActive(m, on) && requirement.roles.includes(m.role) && units.get(m.unit)?.kind === requirement.unitKind && (g.partyUnit === void 0 || m.unit === g.partyUnit)
    ) : (postsOf.get(holder.person) ?? []).some(
      (p) => p.kind === requirement.postKind && (p.grid === void 0 || pathOf(p.grid, byId).includes(g.id))
    );
    if (!ok) {
      const need = requirement._tag === "UnitRole" ? `a ${requirement.roles.join("/")} of ${g.partyUnit === void 0 ? `a ${requirement.unitKind}` : `${requirement.unitKind} ${g.partyUnit}`}` : `the holder of a ${requirement.postKind} post in this grid`;
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
var LeaderRequirementSchema = Schema25.Union(
  Schema25.TaggedStruct("UnitRole", { unitKind: Schema25.NonEmptyString, roles: Schema25.NonEmptyArray(Role2) }),
  Schema25.TaggedStruct("Post", { postKind: Schema25.NonEmptyString })
);
var LevelRule = Schema25.Struct({ requirement: LeaderRequirementSchema, source: Schema25.String });
var LeaderPolicyDefinition = class extends Schema25.Class("@zhili/GridLeaderPolicy")({
  id: Schema25.NonEmptyString,
  large: LevelRule,
  small: LevelRule,
  micro: LevelRule
}) {
};
var leaderPoliciesPoint = extensionPoint({
  id: "grid.leaderPolicies",
  description: "Grid leader policies (\u7F51\u683C\u957F\u914D\u5907): what the leader of each grid level must be, keyed by id.",
  schema: LeaderPolicyDefinition,
  key: (p) => p.id
});
var leaderPolicyOf = (definition) => ({
  large: definition.large,
  small: definition.small,
  micro: definition.micro
});
var defaultContributions6 = [
  contribute(leaderPoliciesPoint, [
    LeaderPolicyDefinition.make({ id: "default", ...defaultLeaderPolicy })
  ])
];

// packages/core/src/grid/Visit.ts
var Visit_exports = {};
__export(Visit_exports, {
  Outcome: () => Outcome,
  Visit: () => Visit,
  coverage: () => coverage2,
  location: () => location6
});
import { Schema as Schema26 } from "effect";
var Outcome = Schema26.Literal("no-one-home", "needs-recorded", "proxy-service-done", "request-opened");
var Visit = class extends Schema26.Class("@zhili/Visit")(
  Schema26.Struct({
    id: VisitId,
    tenant: TenantId,
    household: HouseholdId,
    worker: GridWorkerId,
    at: Schema26.DateTimeUtc,
    outcome: Outcome,
    needs: Schema26.optional(SensitiveString),
    case: Schema26.optional(CaseId)
  }).pipe(
    Schema26.filter(
      (v) => v.case !== void 0 && v.outcome !== "request-opened" ? { path: ["case"], message: `a visit with outcome ${v.outcome} cannot name a case; only request-opened does` } : void 0
    )
  )
) {
};
var location6 = (visit, households2, buildings2, grids2) => {
  const building = households2.find((h) => h.id === visit.household)?.building;
  const b = buildings2.find((x) => x.id === building);
  if (b === void 0) return {};
  const micro = microGridByBuilding(grids2).get(b.id);
  return micro === void 0 ? { division: b.community } : { division: b.community, grid: pathOf(micro, grids2) };
};
var dayMs2 = 864e5;
var cov = (v) => ({
  ...v,
  rate: v.households === 0 ? 0 : v.visited / v.households
});
var coverage2 = (input, period3, options2 = {}) => {
  const zone = options2.timeZone ?? "Asia/Shanghai";
  const microOf = microGridByBuilding(input.grids);
  const values = /* @__PURE__ */ new Map();
  const householdAcc = /* @__PURE__ */ new Map();
  for (const h of input.households) {
    const g = microOf.get(h.building);
    let acc = null;
    if (g !== void 0) {
      acc = values.get(g) ?? null;
      if (acc === null) {
        acc = { households: 0, visited: 0, visits: 0 };
        values.set(g, acc);
      }
    }
    householdAcc.set(h.id, acc);
  }
  const outcomes = {
    "no-one-home": 0,
    "needs-recorded": 0,
    "proxy-service-done": 0,
    "request-opened": 0
  };
  const reached = /* @__PURE__ */ new Set();
  let visits3 = 0;
  const lo = toEpochDay(period3.from) * dayMs2;
  const hi = (toEpochDay(period3.to) + 1) * dayMs2;
  const first = input.visits[0];
  if (first !== void 0) fromDateTime(first.at, zone);
  const countNoOneHome = options2.countNoOneHome === true;
  for (const v of input.visits) {
    const ms = v.at.epochMillis;
    if (ms < lo + dayMs2 || ms >= hi - dayMs2) {
      if (ms < lo - dayMs2 || ms >= hi + dayMs2) continue;
      if (!isBetween(fromDateTime(v.at, zone), period3.from, period3.to)) continue;
    }
    const acc = householdAcc.get(v.household);
    if (acc === void 0) continue;
    outcomes[v.outcome]++;
    visits3++;
    if (acc !== null) acc.visits++;
    if (countNoOneHome || v.outcome !== "no-one-home") reached.add(v.household);
  }
  let visited = 0;
  for (const [h, acc] of householdAcc) {
    const isVisited = reached.has(h);
    if (isVisited) visited++;
    if (acc === null) continue;
    acc.households++;
    if (isVisited) acc.visited++;
  }
  const householdGrid = householdAcc;
  const rolled = rollup(input.grids, values, ["households", "visited", "visits"]);
  const map = (m) => new Map([...m].map(([k, v]) => [k, cov(v)]));
  return {
    grids: map(rolled.grids),
    communities: map(rolled.communities),
    total: cov({ households: householdGrid.size, visited, visits: visits3 }),
    outcomes
  };
};

// packages/core/src/kernel/IdNumber.ts
import { Either as Either11, Option as Option8, Schema as Schema27 } from "effect";
var weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
var checkCharacters = "10X98765432";
var checkCharacter = (first17) => {
  if (typeof first17 !== "string" || !/^\d{17}$/.test(first17)) return Option8.none();
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return Option8.fromNullable(checkCharacters[sum % 11]);
};
var isValidFast = (input, asOf2) => {
  if (!/^\d{17}[\dX]$/.test(input) || !provinces.has(input.slice(0, 2))) return false;
  const y = Number(input.slice(6, 10));
  const m = Number(input.slice(10, 12));
  const d = Number(input.slice(12, 14));
  if (!isRealDate(y, m, d)) return false;
  if (asOf2 !== void 0 && `${input.slice(6, 10)}-${input.slice(10, 12)}-${input.slice(12, 14)}` > asOf2) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (input.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return checkCharacters[sum % 11] === input[17];
};
var validate6 = (input, options2 = {}) => {
  if (typeof input !== "string") return [error("id-number/characters", [], "an identity number is a string")];
  if (options2.dataset === void 0 && isValidFast(input, options2.asOf)) return [];
  const findings = [];
  if (input.length !== 18) {
    const firstGeneration = input.length === 15 ? "; a 15-digit first-generation number converts with IdNumber.fromFirstGeneration" : "";
    return [
      error(
        "id-number/length",
        [],
        `an identity number has 18 characters, not ${input.length}${firstGeneration}`
      )
    ];
  }
  const bad = Array.from(input.slice(0, 18)).flatMap(
    (c, i) => (i < 17 ? /\d/.test(c) : /[\dX]/.test(c)) ? [] : [`${i + 1} ("${c}")`]
  );
  if (bad.length > 0) {
    const x = input.length === 18 && input[17] === "x" ? "; the check character X must be upper case" : "";
    findings.push(
      error(
        "id-number/characters",
        [],
        `characters 1\u201317 must be digits and the 18th a digit or X; wrong at ${bad.slice(0, 5).join(", ")}${x}`
      )
    );
  }
  const province = input.slice(0, 2);
  if (/^\d{2}$/.test(province) && !provinces.has(province)) {
    findings.push(
      error("id-number/province", ["divisionCode"], `${province} is not a province code of GB/T 2260 (11\u201382)`)
    );
  }
  const date2 = input.slice(6, 14);
  if (/^\d{8}$/.test(date2)) {
    const [y, m, d] = [Number(date2.slice(0, 4)), Number(date2.slice(4, 6)), Number(date2.slice(6, 8))];
    if (!isRealDate(y, m, d)) {
      findings.push(
        error("id-number/date", ["birthDate"], "characters 7\u201314 are not a real calendar date (YYYYMMDD)")
      );
    } else if (options2.asOf !== void 0 && make2(y, m, d) > options2.asOf) {
      findings.push(
        error("id-number/date", ["birthDate"], `the birth date (characters 7\u201314) is after ${options2.asOf}`)
      );
    }
  } else if (input.length >= 14 && bad.length === 0) {
    findings.push(error("id-number/date", ["birthDate"], "characters 7\u201314 are not a date (YYYYMMDD)"));
  }
  if (input.length === 18 && bad.length === 0) {
    const expected = Option8.getOrElse(checkCharacter(input.slice(0, 17)), () => "?");
    if (expected !== input[17]) {
      findings.push(
        error(
          "id-number/checksum",
          ["checkCharacter"],
          `check character is ${input[17]} but the first 17 digits give ${expected} (ISO 7064 MOD 11-2)`
        )
      );
    }
  }
  if (options2.dataset !== void 0 && findings.length === 0) {
    const county = input.slice(0, 6);
    if (Option8.isNone(lookup2(county, options2.dataset))) {
      findings.push(
        warning(
          "id-number/unknown-division",
          ["divisionCode"],
          `the address code (characters 1\u20136) is not in the division dataset of ${options2.dataset.asOf}; it may be an older code`
        )
      );
    }
  }
  return findings;
};
var IdNumber = Schema27.String.pipe(
  Schema27.filter((s) => {
    const errors = validate6(s).filter((f) => f.severity === "error");
    return errors.length === 0 || errors.map((f) => ({ path: f.path.map(String), message: f.message }));
  }),
  Schema27.brand("@zhili/IdNumber"),
  Schema27.annotations({
    identifier: "IdNumber",
    title: "citizen identity number (GB 11643-1999)",
    arbitrary: () => (fc) => fc.tuple(
      fc.constantFrom("440881", "360733", "370303", "110102"),
      fc.integer({ min: toEpochDay(make2(1920, 1, 1)), max: 2e4 }),
      fc.integer({ min: 0, max: 999 })
    ).map(([county, day, seq]) => {
      const body = county + fromEpochDay(day).replaceAll("-", "") + String(seq).padStart(3, "0");
      return body + Option8.getOrElse(checkCharacter(body), () => "0");
    })
  })
);
var SensitiveIdNumber = Schema27.Redacted(IdNumber).annotations({
  identifier: "SensitiveIdNumber",
  title: "citizen identity number (held redacted)"
});
var Sex = Schema27.Literal("male", "female");
var Parts = class extends Schema27.Class("@zhili/IdNumberParts")({
  divisionCode: Schema27.String.pipe(Schema27.pattern(/^\d{6}$/)),
  birthDate: LocalDate,
  sex: Sex,
  sequence: Schema27.String,
  checkCharacter: Schema27.String,
  warnings: Schema27.Array(Finding)
}) {
};

// packages/core/src/service/Placement.ts
import { Schema as Schema28 } from "effect";
var Location2 = Schema28.Struct({
  division: Schema28.optional(
    Schema28.String.pipe(
      Schema28.pattern(/^(\d{6}|\d{9}|\d{12})$/, { message: () => "a division code has 6, 9 or 12 digits" })
    )
  ),
  org: Schema28.optional(Schema28.Array(Schema28.String)),
  grid: Schema28.optional(Schema28.Array(Schema28.String))
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
  Kind: () => Kind3,
  Participants: () => Participants,
  Roster: () => Roster,
  VolunteerService: () => VolunteerService,
  checkCapacity: () => checkCapacity,
  date: () => date,
  location: () => location7,
  matches: () => matches,
  personTimes: () => personTimes,
  remainingPlaces: () => remainingPlaces,
  statistics: () => statistics,
  totals: () => totals,
  volunteerMinutes: () => volunteerMinutes
});
import { DateTime as DateTime8, Order, Schema as Schema29 } from "effect";
var Kind3 = Schema29.Literal("session", "lesson", "event", "camp", "visit", "meeting");
var Headcount = Schema29.TaggedStruct("Headcount", { count: Schema29.NonNegativeInt });
var Roster = Schema29.TaggedStruct("Roster", {
  residents: Schema29.Array(ResidentId),
  guests: Schema29.optionalWith(Schema29.NonNegativeInt, { default: () => 0, exact: true })
});
var Participants = Schema29.Union(Headcount, Roster);
var VolunteerService = Schema29.Struct({
  person: PersonId,
  team: Schema29.optional(VolunteerTeamId),
  minutes: Schema29.Int.pipe(Schema29.between(1, 24 * 60, { message: () => "volunteer minutes must be 1 to 1440" }))
});
var Activity = class extends Schema29.Class("@zhili/Activity")(
  Schema29.Struct({
    tenant: TenantId,
    id: ActivityId,
    service: ServiceId,
    kind: Schema29.optionalWith(Kind3, { default: () => "session", exact: true }),
    title: Schema29.optional(Schema29.String),
    start: Schema29.DateTimeUtc,
    end: Schema29.DateTimeUtc,
    space: Schema29.optional(SpaceId),
    team: Schema29.optional(VolunteerTeamId),
    participants: Participants,
    volunteers: Schema29.optionalWith(Schema29.Array(VolunteerService), { default: () => [], exact: true }),
    placement: Schema29.optional(Location2),
    version: Schema29.optionalWith(Schema29.NonNegativeInt, { default: () => 1, exact: true })
  }).pipe(
    Schema29.filter(
      (a) => DateTime8.lessThan(a.start, a.end) ? void 0 : { path: ["end"], message: `an activity must end after it starts (${DateTime8.formatIso(a.start)})` }
    )
  )
) {
};
var location7 = (self) => resolve(self.tenant, self.placement);
var personTimes = (self) => self.participants._tag === "Headcount" ? self.participants.count : self.participants.residents.length + self.participants.guests;
var volunteerMinutes = (self) => self.volunteers.reduce((n, v) => n + v.minutes, 0);
var date = (self, timeZone = "Asia/Shanghai") => fromDateTime(self.start, timeZone);
var matches = (self, filter) => {
  const day = date(self, filter.timeZone);
  return (filter.from === void 0 || day >= filter.from) && (filter.to === void 0 || day <= filter.to) && (filter.services === void 0 || filter.services.includes(self.service)) && (filter.runningTeams === void 0 || self.team !== void 0 && filter.runningTeams.includes(self.team)) && (filter.spaces === void 0 || self.space !== void 0 && filter.spaces.includes(self.space)) && (filter.inScope === void 0 || filter.inScope(location7(self)));
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
    case "runningTeam":
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
  location: () => location8
});
import { Schema as Schema30 } from "effect";
var Building = class extends Schema30.Class("@zhili/Building")({
  id: BuildingId,
  tenant: TenantId,
  community: DivisionCode,
  name: Schema30.NonEmptyTrimmedString,
  compound: Schema30.optional(Schema30.NonEmptyTrimmedString)
}) {
};
var location8 = (building, grids2) => {
  const micro = microGridByBuilding(grids2).get(building.id);
  return micro === void 0 ? { division: building.community } : { division: building.community, grid: pathOf(micro, grids2) };
};

// packages/core/src/registry/Household.ts
var Household_exports = {};
__export(Household_exports, {
  Household: () => Household,
  location: () => location9
});
import { Schema as Schema31 } from "effect";
var Household = class extends Schema31.Class("@zhili/Household")({
  id: HouseholdId,
  tenant: TenantId,
  building: BuildingId,
  room: Schema31.NonEmptyTrimmedString
}) {
};
var location9 = (household, buildings2, grids2) => {
  const b = buildings2.get(household.building);
  return b === void 0 ? {} : location8(b, grids2);
};

// packages/core/src/registry/Resident.ts
var Resident_exports = {};
__export(Resident_exports, {
  Resident: () => Resident,
  Sex: () => Sex2,
  Tag: () => Tag,
  afterSchoolAgePolicy: () => afterSchoolAgePolicy,
  defaultAgePolicy: () => defaultAgePolicy,
  erasedName: () => erasedName,
  location: () => location10,
  oldAndYoung: () => oldAndYoung,
  view: () => view
});
import { Schema as Schema32 } from "effect";
var Tag = Schema32.Literal(
  "elderly",
  "child",
  "disabled",
  "party-member",
  "veteran",
  "low-income",
  "living-alone",
  "left-behind"
);
var Sex2 = Schema32.Literal("male", "female");
var redactedText = "<redacted>";
var redactedForm = (self) => ({
  id: self.id,
  tenant: self.tenant,
  household: self.household,
  name: redactedText,
  birthDate: redactedText,
  sex: redactedText,
  tags: redactedText,
  idNumber: redactedText,
  phone: redactedText
});
var Resident = class extends Schema32.Class("@zhili/Resident")({
  id: ResidentId,
  tenant: TenantId,
  household: HouseholdId,
  name: SensitiveString,
  birthDate: LocalDate,
  sex: Sex2,
  tags: Schema32.optionalWith(Schema32.Array(Tag), { default: () => [] }),
  idNumber: Schema32.optional(SensitiveIdNumber),
  phone: Schema32.optional(SensitiveString)
}) {
  /**
   * The ids and `<redacted>` for every personal field.
   *
   * @since 0.1.0
   */
  toString() {
    return `Resident(${JSON.stringify(redactedForm(this))})`;
  }
  /**
   * The ids and `<redacted>` for every personal field (what `JSON.stringify` prints).
   *
   * @since 0.1.0
   */
  toJSON() {
    return { _id: "Resident", ...redactedForm(this) };
  }
  /**
   * What `util.inspect` (and `console.log`) prints: the same as `toJSON`.
   *
   * @since 0.1.0
   */
  [Symbol.for("nodejs.util.inspect.custom")]() {
    return this.toJSON();
  }
};
var erasedName = "\u3014\u5DF2\u5220\u9664\u3015";
var view = (resident, options2) => {
  const disclosure = options2.disclosure;
  const minorDisclosed = disclosure?.fields?.includes("minor");
  if (isProtectedMinor(resident.birthDate, options2.at, options2.minorThreshold) && !minorDisclosed) {
    return { _tag: "Protected", id: resident.id, household: resident.household };
  }
  return {
    _tag: "Shown",
    id: resident.id,
    household: resident.household,
    name: present(resident.name, "name", { disclosure }),
    birthDate: resident.birthDate,
    sex: resident.sex,
    tags: resident.tags,
    ...resident.idNumber === void 0 ? {} : { idNumber: present(resident.idNumber, "idNumber", { disclosure }) },
    ...resident.phone === void 0 ? {} : { phone: present(resident.phone, "phone", { disclosure }) }
  };
};
var location10 = (resident, households2, buildings2, grids2) => {
  const h = households2.get(resident.household);
  return h === void 0 ? {} : location9(h, buildings2, grids2);
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
  calendar: () => calendar,
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
import { DateTime as DateTime9, Either as Either12, Option as Option9, Redacted as Redacted2, Stream } from "effect";
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
  constructor(seed2) {
    this.s = seed2 >>> 0;
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
var rngFor = (seed2, community, stream2) => new Rng(Math.imul(seed2 ^ 2654435769, 2246822507) ^ Math.imul(community + 1, 3266489909) ^ stream2 * 668265263);
var pad3 = (n, width) => String(n).padStart(width, "0");
var place = (index) => {
  const streets = counties.length * streetsPerCounty;
  const s = index % streets;
  const [county, countyName] = counties[s % counties.length];
  const street = `${county}${pad3(1 + Math.floor(s / counties.length), 3)}`;
  const seq = 1 + Math.floor(index / streets);
  if (seq > 199) throw new RangeError(`City: community ${index} exceeds 199 communities per street`);
  const community = `${street}${pad3(seq, 3)}`;
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
var gridId = (community, seq) => `g${community}-${pad3(seq, 2)}`;
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
    new Grid_exports.Grid(
      {
        ...base,
        id: gridId(p.community, 1),
        level: "large",
        name: `${p.name}\u5927\u7F51\u683C`,
        code: `${p.community}001`
      },
      unchecked
    )
  ];
  for (const s of [2, 3])
    grids2.push(
      new Grid_exports.Grid(
        {
          ...base,
          id: gridId(p.community, s),
          level: "small",
          name: `\u7B2C${s - 1}\u5C0F\u7F51\u683C`,
          code: `${p.community}${pad3(s, 3)}`,
          parent: gridId(p.community, 1)
        },
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
          code: `${p.community}${pad3(seq, 3)}`,
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
  const body = `${division}${birth.replaceAll("-", "")}${pad3(seq % 1e3, 3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * idWeights[i];
  return `${body}${idCheck[sum % 11]}`;
};
var surnames = ["\u738B", "\u674E", "\u5F20", "\u5218", "\u9648", "\u6768", "\u8D75", "\u9EC4", "\u5468", "\u5434", "\u5B59", "\u5F90"];
var given = ["\u4F1F", "\u82B3", "\u5A1C", "\u654F", "\u9759", "\u4E3D", "\u5F3A", "\u78CA", "\u519B", "\u6D0B", "\u52C7", "\u8273", "\u6770", "\u6D9B", "\u660E", "\u534E"];
var householdSizes = [1, 2, 2, 2, 3, 3, 3, 4, 4, 5];
var roomOf = (h, buildings2) => {
  const k = Math.floor(h / buildings2);
  return `${1 + Math.floor(k / 2)}0${1 + k % 2}`;
};
var freeSequence = (taken, county, birth, drawn) => {
  if (taken === void 0) return drawn;
  let used = taken.get(county);
  if (used === void 0) {
    used = /* @__PURE__ */ new Set();
    taken.set(county, used);
  }
  const day = LocalDate_exports.toEpochDay(birth) * 1e3;
  let seq = drawn;
  for (let tries = 0; used.has(day + seq) && tries < 500; tries++) seq = (seq + 2) % 1e3;
  used.add(day + seq);
  return seq;
};
var buildCommunity = (seed2, index, year2, taken) => {
  const p = place(index);
  const rng = rngFor(seed2, index, 1);
  const tenant = p.community;
  const buildings2 = [];
  for (let b = 0; b < perCommunity.buildingsPerCommunity; b++)
    buildings2.push(
      new Building_exports.Building(
        {
          id: `b${p.community}-${pad3(b + 1, 3)}`,
          tenant,
          community: p.community,
          name: `${b + 1}\u53F7\u697C`
        },
        unchecked
      )
    );
  const households2 = [];
  const residents = [];
  const on = LocalDate_exports.make(year2, 1, 1);
  for (let h = 0; h < perCommunity.householdsPerCommunity; h++) {
    const building = buildings2[h % buildings2.length];
    const id2 = `h${p.community}-${pad3(h + 1, 4)}`;
    households2.push(
      new Household_exports.Household({ id: id2, tenant, building: building.id, room: roomOf(h, buildings2.length) }, unchecked)
    );
    const size = rng.pick(householdSizes);
    for (let r = 0; r < size; r++) {
      const age = r < 2 ? 20 + rng.int(70) : rng.int(18);
      const birth = LocalDate_exports.addDays(on, -(age * 365 + rng.int(365)));
      const sex = rng.next() < 0.5 ? "male" : "female";
      const seq = freeSequence(taken, p.county, birth, 2 * rng.int(500) + (sex === "male" ? 1 : 0));
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
            phone: Redacted2.make(`13${pad3(rng.int(1e9), 9)}`)
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
  const { count, seed: seed2, year: year2 } = resolve2(options2);
  const taken = /* @__PURE__ */ new Map();
  for (let i = 0; i < count; i++) yield buildCommunity(seed2, i, year2, taken);
}
var stream = (options2 = {}) => Stream.fromIterable({ [Symbol.iterator]: () => communities(options2) });
var calendar = WorkingCalendar_exports.weekendsOnly("testing/city", [2024, 2025, 2026]);
var casePolicy = Case_exports.makePolicy({
  clock: Deadline_exports.fromWorkingCalendar(calendar)
});
var categories = Category_exports.defaultCatalogue.categories.filter((c) => Option9.isSome(Category_exports.limitsOf(Category_exports.defaultCatalogue, c.code))).map((c) => c.code);
var staff = new Case_exports.Actor({ role: "staff", id: "staff-1" });
var hour = 36e5;
var yearStart = (year2) => Date.UTC(year2, 0, 1) - 8 * hour;
var workingInstant = (rng, year2) => {
  for (; ; ) {
    const day = rng.int(365);
    const date2 = LocalDate_exports.addDays(LocalDate_exports.make(year2, 1, 1), day);
    if (LocalDate_exports.dayOfWeek(date2) <= 5)
      return yearStart(year2) + day * 24 * hour + (9 + rng.int(8)) * hour + rng.int(60) * 6e4;
  }
};
var must = (e) => {
  if (Either12.isLeft(e)) throw new Error(`City: generated an illegal case history: ${e.left.message}`);
  return e.right;
};
var caseOf = (p, rng, n, year2) => {
  const m = rng.int(microSeqs.length);
  const path = microPath(p.community, m);
  let at = workingInstant(rng, year2);
  const instant = () => DateTime9.unsafeMake(at);
  const later = (hours) => {
    at += Math.max(1, Math.round(hours * hour));
    return instant();
  };
  const intake = new Case_exports.Intake(
    {
      id: `c${p.community}-${pad3(n + 1, 4)}`,
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
    if (Option9.isSome(next)) apply({ _tag: "Escalated", at: later(2), by: staff, to: next.value, reason: "severity" });
  }
  apply({
    _tag: "Dispatched",
    at: later(1),
    by: staff,
    to: new Case_exports.Assignee({ unit: `u${p.community}` })
  });
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
  const { count, seed: seed2, year: year2 } = resolve2(options2);
  for (let i = 0; i < count; i++) {
    const p = place(i);
    const rng = rngFor(seed2, i, 2);
    for (let n = 0; n < perCommunity.casesPerCommunity; n++) yield caseOf(p, rng, n, year2);
  }
}
function* visits(community, options2 = {}) {
  const { seed: seed2, year: year2 } = resolve2(options2);
  const rng = rngFor(seed2, community.index, 3);
  const outcomes = Visit_exports.Outcome.literals;
  for (let v = 0; v < perCommunity.visitsPerCommunity; v++) {
    const h = community.households[rng.int(community.households.length)];
    const outcome = rng.next() < 0.15 ? "no-one-home" : rng.pick(outcomes.slice(1, 3));
    yield new Visit_exports.Visit(
      {
        id: `v${community.community}-${pad3(v + 1, 4)}`,
        tenant: community.community,
        household: h.id,
        worker: `w${community.community}-${rng.int(7)}`,
        at: DateTime9.unsafeMake(workingInstant(rng, year2)),
        outcome
      },
      unchecked
    );
  }
}
function* activities(community, options2 = {}) {
  const { seed: seed2, year: year2 } = resolve2(options2);
  const rng = rngFor(seed2, community.index, 4);
  for (let a = 0; a < perCommunity.activitiesPerCommunity; a++) {
    const start = workingInstant(rng, year2);
    const residents = [];
    for (let r = 0; r < perCommunity.participantsPerActivity; r++)
      residents.push(community.residents[rng.int(community.residents.length)].id);
    yield new Activity_exports.Activity(
      {
        tenant: community.community,
        id: `a${community.community}-${pad3(a + 1, 3)}`,
        service: `s${community.community}-${rng.int(10)}`,
        kind: "session",
        start: DateTime9.unsafeMake(start),
        end: DateTime9.unsafeMake(start + 2 * hour),
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
  if (Either12.isLeft(e)) throw new Error(`City: ${String(e.left)}`);
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
            method: { _tag: "Scale", levels: [1, 2, 3, 4, 5].map((level2) => ({ level: level2, fraction: level2 / 5 })) }
          },
          {
            _tag: "Leaf",
            id: "party.activities",
            name: "\u4E3B\u9898\u515A\u65E5",
            weight: 0.5,
            method: { _tag: "CountTarget", target: 12 }
          }
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
          {
            _tag: "Leaf",
            id: "cases.response",
            name: "\u54CD\u5E94\u7387",
            weight: 0.3,
            method: { _tag: "DataSource", source: "case.response-rate" }
          },
          {
            _tag: "Leaf",
            id: "cases.resolution",
            name: "\u89E3\u51B3\u7387",
            weight: 0.3,
            method: { _tag: "DataSource", source: "case.resolution-rate" }
          },
          {
            _tag: "Leaf",
            id: "cases.satisfaction",
            name: "\u6EE1\u610F\u7387",
            weight: 0.4,
            method: { _tag: "DataSource", source: "case.satisfaction-rate" }
          }
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
  const { count, seed: seed2 } = resolve2(options2);
  for (let i = 0; i < count; i++) {
    const rng = rngFor(seed2, i, 5);
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
var only = process.env.RULES_ONLY?.split(",");
var wanted = (section2) => only === void 0 || only.includes(section2);
var section = "coverage";
var results = [];
var compare2 = (name, n, rule, baseline, same, informational = false) => {
  if (!wanted(section)) return;
  let a;
  let b;
  const s = [time(() => b = baseline())];
  const r = [time(() => a = rule())];
  if (!same(a, b))
    throw new Error(`${name}: the rule and the baseline disagree: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  if (r[0] > 2e4) {
    for (let i = 0; i < 2; i++) {
      s.push(time(baseline));
      r.push(time(rule));
    }
  } else {
    const reps = (first) => Math.min(1e4, Math.max(1, Math.ceil(250 / Math.max(first, 0.01))));
    const repeated = (f, n2) => () => {
      for (let k = 0; k < n2; k++) f();
    };
    const rn = reps(r[0]);
    const sn = reps(s[0]);
    r.length = 0;
    s.length = 0;
    for (let i = 0; i < 5; i++) {
      s.push(time(repeated(baseline, sn)) / sn);
      r.push(time(repeated(rule, rn)) / rn);
    }
  }
  const out = { name, rule: median(r), baseline: median(s), ratio: median(r) / median(s), n, informational };
  log(`${name}: rule ${out.rule.toFixed(0)} ms, baseline ${out.baseline.toFixed(0)} ms, ${out.ratio.toFixed(2)}\xD7`);
  results.push(out);
};
var t0 = performance.now();
var grids = [];
var buildings = [];
var households = [];
var visits2 = [];
for (const c of wanted("coverage") ? City_exports.communities(options) : []) {
  grids.push(...c.grids);
  for (const b of c.buildings) buildings.push({ id: b.id, community: b.community });
  for (const h of c.households) households.push({ id: h.id, building: h.building });
  for (const v of City_exports.visits(c, options)) visits2.push(v);
}
log(
  `city: ${grids.length} grids, ${buildings.length} buildings, ${households.length} households, ${visits2.length} visits in ${((performance.now() - t0) / 1e3).toFixed(0)} s`
);
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
    if (g.parent === void 0 ? want[g.level] !== void 0 : p === void 0 || p.level !== want[g.level] || p.community !== g.community)
      errors++;
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
var hourMs = 36e5;
var from = Date.UTC(2025, 0, 1) - 8 * hourMs;
var to = Date.UTC(2026, 0, 1) - 8 * hourMs;
var visitBaseline = () => {
  const byId = /* @__PURE__ */ new Map();
  for (const g of grids) byId.set(g.id, g);
  const microOf = /* @__PURE__ */ new Map();
  const gridIds = [];
  for (const g of grids)
    if (g.level === "micro") {
      for (const b of g.buildings) microOf.set(b, gridIds.length);
      gridIds.push(g.id);
    }
  const gridOf = /* @__PURE__ */ new Map();
  for (const h of households) gridOf.set(h.id, microOf.get(h.building) ?? -1);
  const n = gridIds.length;
  const visitsOf = new Float64Array(n);
  const householdsOf = new Float64Array(n);
  const visitedOf = new Float64Array(n);
  const reached = /* @__PURE__ */ new Set();
  for (const v of visits2) {
    const ms = v.at.epochMillis;
    if (ms < from || ms >= to) continue;
    const g = gridOf.get(v.household);
    if (g === void 0) continue;
    if (g >= 0) visitsOf[g]++;
    if (v.outcome !== "no-one-home") reached.add(v.household);
  }
  let visited = 0;
  for (const [h, g] of gridOf) {
    const r = reached.has(h);
    if (r) visited++;
    if (g < 0) continue;
    householdsOf[g]++;
    if (r) visitedOf[g]++;
  }
  const rolled = /* @__PURE__ */ new Map();
  const communities2 = /* @__PURE__ */ new Map();
  const add2 = (m, k, i) => {
    let acc = m.get(k);
    if (acc === void 0) {
      acc = { households: 0, visited: 0, visits: 0 };
      m.set(k, acc);
    }
    acc.households += householdsOf[i];
    acc.visited += visitedOf[i];
    acc.visits += visitsOf[i];
  };
  for (let i = 0; i < n; i++) {
    if (householdsOf[i] === 0 && visitsOf[i] === 0) continue;
    let g = byId.get(gridIds[i]);
    const community = g?.community;
    while (g !== void 0) {
      add2(rolled, g.id, i);
      g = g.parent === void 0 ? void 0 : byId.get(g.parent);
    }
    add2(communities2, community, i);
  }
  let communityVisited = 0;
  for (const c of communities2.values()) communityVisited += c.visited;
  return { rate: visited / gridOf.size, communityVisited };
};
compare2(
  "visit coverage (whole city, a year)",
  visits2.length,
  () => {
    const c = Visit_exports.coverage({ grids, households, visits: visits2 }, period2);
    let communityVisited = 0;
    for (const v of c.communities.values()) communityVisited += v.visited;
    return { rate: c.total.rate, communityVisited };
  },
  visitBaseline,
  (a, b) => a.rate === b.rate && a.communityVisited === b.communityVisited
);
grids.length = 0;
buildings.length = 0;
households.length = 0;
visits2.length = 0;
section = "cases";
var t1 = performance.now();
var sample = [];
for (const c of wanted("cases") ? City_exports.cases(options) : []) {
  sample.push(c);
  if (sample.length >= Number(sampleArg)) break;
}
var cases2 = [];
for (let i = 0; sample.length > 0 && cases2.length < sizes2.cases; i++) {
  const c = sample[i % sample.length];
  cases2.push(
    i < sample.length ? c : new Case_exports.Case(
      { ...c, id: `${c.id}-${Math.floor(i / sample.length)}` },
      { disableValidation: true }
    )
  );
}
log(`cases: ${sample.length} generated, ${cases2.length} in all, in ${((performance.now() - t1) / 1e3).toFixed(0)} s`);
var year = Metrics_exports.months({ year: 2025, month: 1 }, { year: 2025, month: 12 });
var metricOptions = { policy: City_exports.casePolicy };
var pf = from;
var pt = to;
if (pf !== year.from.epochMillis || pt !== year.to.epochMillis) throw new Error("the year's bounds differ");
var inYear = (d) => d !== void 0 && d.epochMillis >= pf && d.epochMillis < pt;
var value = (r) => r.value;
compare2(
  `case response rate (${sizes2.cases.toLocaleString("en-US")} cases)`,
  cases2.length,
  () => value(Metrics_exports.responseRate(cases2, year, metricOptions)),
  () => {
    const asOf2 = pt - 1;
    let n = 0;
    let d = 0;
    for (const c of cases2) {
      if (!inYear(c.reportedAt) || c.exclusion !== void 0 && c.exclusion.at.epochMillis <= asOf2) continue;
      const responded = c.respondedAt !== void 0 && c.respondedAt.epochMillis <= asOf2 ? c.respondedAt : void 0;
      const due = c.due.response;
      if (responded === void 0) {
        if (due !== void 0 && due.epochMillis > asOf2) continue;
        let withdrawn = false;
        for (const e of c.history) {
          if (e.at.epochMillis > asOf2 || e._tag === "Accepted" || e._tag === "Rejected") break;
          if (e._tag === "Withdrawn") {
            withdrawn = true;
            break;
          }
        }
        if (withdrawn) continue;
      }
      d++;
      if (responded !== void 0 && (due === void 0 || responded.epochMillis <= due.epochMillis)) n++;
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
      if (c.status === "closed" && inYear(c.closedAt) && (c.exclusion === void 0 || c.exclusion.at.epochMillis >= pt)) {
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
      if (c.status === "closed" && inYear(c.closedAt) && c.satisfaction !== void 0 && (c.exclusion === void 0 || c.exclusion.at.epochMillis >= pt)) {
        d++;
        n += scaleOf[c.satisfaction];
      }
    return d === 0 ? null : n / d;
  },
  (a, b) => Math.abs((a ?? 0) - (b ?? 0)) < 1e-9
);
var workingIndex = (cal) => {
  const dayMs3 = 864e5;
  const years = cal.years.map((y) => y.year).sort((a, b) => a - b);
  const base = Date.UTC(years[0], 0, 1) / dayMs3;
  const length = Date.UTC(years[years.length - 1] + 1, 0, 1) / dayMs3 - base;
  const off = /* @__PURE__ */ new Set();
  const on = /* @__PURE__ */ new Set();
  const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs3;
  for (const y of cal.years) {
    for (const h of y.holidays) off.add(dayOf(h.date));
    for (const m of y.makeUpDays) on.add(dayOf(m.date));
  }
  const weekend = new Set(cal.weekend);
  const covered = new Set(years);
  const count = new Int32Array(length + 1);
  const uncovered = new Int32Array(length + 1);
  const positions = [];
  for (let i = 0; i < length; i++) {
    const day = base + i;
    const date2 = new Date(day * dayMs3);
    const known = covered.has(date2.getUTCFullYear());
    const works = known && !off.has(day) && (on.has(day) || !weekend.has((date2.getUTCDay() + 6) % 7 + 1));
    if (works) positions.push(i);
    count[i + 1] = count[i] + (works ? 1 : 0);
    uncovered[i + 1] = uncovered[i] + (known ? 0 : 1);
  }
  return {
    /** The day `n` (≥ 1) working days after `day` (days since 1970-01-01), or -1. */
    addWorkingDays: (day, n) => {
      const first = day - base + 1;
      if (first < 0 || first >= length) return -1;
      const rank5 = count[first] + n - 1;
      if (rank5 >= positions.length) return -1;
      const at = positions[rank5];
      return uncovered[at + 1] !== uncovered[first] ? -1 : base + at;
    }
  };
};
var onTimeBaseline = () => {
  const cal = City_exports.calendar;
  if (cal.timeZone !== "Asia/Shanghai") throw new Error("the reference assumes UTC+8");
  const dayMs3 = 864e5;
  const offset = 8 * hourMs;
  const close = 17.5 * hourMs;
  const ix = workingIndex(cal);
  const workingDays = (ms, n2) => {
    const day = ix.addWorkingDays(Math.floor((ms + offset) / dayMs3), n2);
    return day < 0 ? -1 : day * dayMs3 + close - offset;
  };
  const byCode = new Map(City_exports.casePolicy.catalogue.categories.map((c) => [c.code, c]));
  const limitsOf2 = /* @__PURE__ */ new Map();
  for (const c of byCode.values()) {
    let k = c;
    while (k !== void 0 && k.limits === void 0) k = k.parent === void 0 ? void 0 : byCode.get(k.parent);
    limitsOf2.set(c.code, k?.limits);
  }
  const emergency = City_exports.casePolicy.emergency;
  let n = 0;
  let d = 0;
  for (const c of cases2) {
    if (c.exclusion !== void 0 && c.exclusion.at.epochMillis < pt) continue;
    let accepted;
    let deferred = false;
    let feedback;
    let closing;
    for (const e of c.history) {
      if (e._tag === "Accepted" && accepted === void 0) accepted = e.at.epochMillis;
      if ((e._tag === "ExtensionGranted" || e._tag === "Shelved") && e.at.epochMillis < pt) deferred = true;
      if (e._tag === "Resolved") feedback = e.at.epochMillis;
      if (e._tag === "Closed") closing = e.at.epochMillis;
    }
    if (accepted === void 0) continue;
    const limits = c.intake.priority === "emergency" ? emergency : limitsOf2.get(c.intake.category);
    if (limits === void 0) continue;
    const limit = c.intake.complex && limits.resolveComplex !== void 0 ? limits.resolveComplex : limits.resolve;
    let due;
    if (limit.unit === "working-days") due = workingDays(accepted, limit.amount);
    else if (limit.unit === "hours") due = accepted + limit.amount * hourMs;
    else if (limit.unit === "days") due = accepted + limit.amount * dayMs3;
    else throw new Error(`the reference has no ${limit.unit} limits (the catalogue has none)`);
    if (due < 0 || due < pf || due >= pt || deferred) continue;
    d++;
    const last2 = feedback ?? closing;
    if (c.status === "closed" && c.closedAt !== void 0 && c.closedAt.epochMillis < pt && last2 !== void 0 && last2 <= due)
      n++;
  }
  return d === 0 ? null : n / d;
};
compare2(
  "case on-time closing rate",
  cases2.length,
  () => value(Metrics_exports.onTimeClosingRate(cases2, year, metricOptions)),
  onTimeBaseline,
  (a, b) => a === b
);
var rank4 = { "micro-grid": 0, compound: 1, community: 2, street: 3 };
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
      const r = rank4[c.level];
      if (r <= 1) compound++;
      if (r <= 2) community++;
    }
    return closed === 0 ? [null, null] : [compound / closed, community / closed];
  },
  (a, b) => a[0] === b[0] && a[1] === b[1]
);
sample.length = 0;
cases2.length = 0;
section = "org";
var seed = 20250101;
var rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
var isoDay = (day) => new Date(day * 864e5).toISOString().slice(0, 10);
var jan1 = Date.UTC(2025, 0, 1) / 864e5;
var trusted4 = { disableValidation: true };
var partyUnits = [];
var records = [];
for (let c = 0; c < sizes2.communities; c++) {
  for (let u = 0; u < 13; u++) {
    const unit = `party-${c}-${u}`;
    const kind = u < 3 ? void 0 : "grid-party-group";
    partyUnits.push({ unit, kind });
    const record = (kindOf, day, attendance) => records.push(
      new OrgLife_exports.OrgLifeRecord(
        {
          id: `olr-${c}-${u}-${records.length}`,
          tenant: `t${c}`,
          unit,
          kind: kindOf,
          date: isoDay(day),
          ...attendance === void 0 ? {} : { attendance }
        },
        trusted4
      )
    );
    const every = (kindOf, months2) => {
      for (let m = 0; m < 12; m += months2)
        if (rand() < 0.95) {
          const start = Date.UTC(2025, m, 1) / 864e5;
          const end = Date.UTC(2025, m + months2, 1) / 864e5;
          const members = 10 + Math.floor(rand() * 30);
          record(
            kindOf,
            start + Math.floor(rand() * (end - start)),
            kindOf === "members-meeting" ? { present: Math.floor(members * (0.4 + rand() * 0.6)), members } : void 0
          );
        }
    };
    every("group-meeting", 1);
    if (kind === void 0) {
      every("committee-meeting", 1);
      every("theme-party-day", 1);
      every("members-meeting", 3);
      every("party-lecture", 3);
      every("heart-to-heart-talk", 12);
      every("org-life-meeting", 12);
      every("democratic-appraisal", 12);
    }
  }
}
var inspections = [];
var rectifications = [];
for (let c = 0; c < sizes2.communities; c++)
  for (let k = 0; k < 3; k++) {
    const id2 = `insp-${c}-${k}`;
    const date2 = jan1 + Math.floor(rand() * 340);
    const suggestions = Array.from({ length: 2 + Math.floor(rand() * 5) }, (_, i) => ({
      id: `s${i}`,
      text: "\u6574\u6539\u610F\u89C1"
    }));
    inspections.push(
      new Inspection_exports.Inspection(
        {
          id: id2,
          tenant: `t${c}`,
          unit: `party-${c}-${k}`,
          unitKind: k === 0 ? "county-unit" : "township",
          date: isoDay(date2),
          inspectors: ["p-1"],
          suggestions
        },
        trusted4
      )
    );
    for (const s of suggestions) {
      if (rand() < 0.05) continue;
      const roll = rand();
      const status = roll < 0.1 ? "open" : roll < 0.3 ? "in-progress" : roll < 0.5 ? "rectified" : "verified";
      const verifications = [];
      let on = date2 + 5 + Math.floor(rand() * 20);
      if (status !== "open")
        for (let v = 0, n = Math.floor(rand() * 3); v < n; v++) {
          verifications.push({ by: "p-2", on: isoDay(on), passed: rand() < 0.7 });
          on += 1 + Math.floor(rand() * 15);
        }
      if (status === "verified") verifications.push({ by: "p-2", on: isoDay(on), passed: true });
      rectifications.push(
        new Inspection_exports.Rectification(
          {
            id: `r-${c}-${k}-${s.id}`,
            tenant: `t${c}`,
            inspection: id2,
            suggestion: s.id,
            unit: `party-${c}-${k}`,
            owner: "p-3",
            deadline: isoDay(date2 + 30),
            status,
            evidence: [],
            ...status === "rectified" || status === "verified" ? { rectifiedOn: isoDay(on) } : {},
            verifications
          },
          trusted4
        )
      );
    }
  }
log(
  `org life: ${partyUnits.length} party units, ${records.length} records; ${inspections.length} inspections, ${rectifications.length} rectifications`
);
compare2(
  `org-life compliance (${partyUnits.length.toLocaleString("en-US")} party units, ${records.length.toLocaleString("en-US")} records)`,
  records.length,
  () => {
    const byUnit = /* @__PURE__ */ new Map();
    for (const r of records) {
      const list = byUnit.get(r.unit);
      if (list === void 0) byUnit.set(r.unit, [r]);
      else list.push(r);
    }
    let compliant = 0;
    let met = 0;
    for (const u of partyUnits) {
      const c = OrgLife_exports.compliance(
        byUnit.get(u.unit) ?? [],
        u.unit,
        period2.from,
        period2.to,
        OrgLife_exports.defaultPolicy,
        u.kind
      );
      if (c.compliant) compliant++;
      for (const k of c.kinds) met += k.met;
    }
    return { compliant, met };
  },
  () => {
    const policy = OrgLife_exports.defaultPolicy;
    const months2 = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12, none: 0 };
    const kinds2 = Object.keys(policy.frequencies);
    const slot = new Map(kinds2.map((k, i) => [k, i]));
    const bits = /* @__PURE__ */ new Map();
    for (const r of records) {
      if (r.date < period2.from || r.date > period2.to) continue;
      if (r.kind === "members-meeting" && r.attendance !== void 0) {
        if (r.attendance.present <= r.attendance.members * policy.quorum) continue;
      }
      const k = slot.get(r.kind);
      if (k === void 0) continue;
      let b = bits.get(r.unit);
      if (b === void 0) {
        b = new Int32Array(kinds2.length);
        bits.set(r.unit, b);
      }
      b[k] = b[k] | 1 << Number(r.date.slice(5, 7)) - 1;
    }
    let compliant = 0;
    let met = 0;
    for (const u of partyUnits) {
      const b = bits.get(u.unit);
      const own = u.kind === void 0 ? void 0 : policy.byUnitKind?.[u.kind];
      let ok = true;
      for (let k = 0; k < kinds2.length; k++) {
        const kind = kinds2[k];
        const step2 = months2[own?.[kind] ?? policy.frequencies[kind]];
        if (step2 === 0) continue;
        const mask2 = (1 << step2) - 1;
        for (let m = 0; m < 12; m += step2)
          if (((b?.[k] ?? 0) >> m & mask2) !== 0) met++;
          else ok = false;
      }
      if (ok) compliant++;
    }
    return { compliant, met };
  },
  (a, b) => a.compliant === b.compliant && a.met === b.met
);
var rectificationLimit = { days: 15, unit: "working-days" };
var asOf = "2025-12-31";
compare2(
  `rectification completion (${inspections.length.toLocaleString("en-US")} inspections, ${rectifications.length.toLocaleString("en-US")} rectifications; 15 working days)`,
  rectifications.length,
  () => {
    const r = Inspection_exports.report(inspections, rectifications, asOf, {
      limit: rectificationLimit,
      calendar: City_exports.calendar
    });
    return [r.total.completed, r.total.onTime, r.total.late, r.total.overdue, r.total.pending, r.units.length];
  },
  () => {
    const ix = workingIndex(City_exports.calendar);
    const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;
    const bySuggestion = /* @__PURE__ */ new Map();
    for (const r of rectifications) {
      const key = `${r.inspection}/${r.suggestion}`;
      const list = bySuggestion.get(key);
      if (list === void 0) bySuggestion.set(key, [r]);
      else list.push(r);
    }
    const asOfDay = dayOf(asOf);
    const completed = (r) => {
      if (r.status === "open") return -1;
      const vs = r.verifications.length > 1 ? [...r.verifications].sort((a, b) => a.on < b.on ? -1 : a.on > b.on ? 1 : 0) : r.verifications;
      let done = -1;
      for (const v of vs) {
        if (v.on > asOf) continue;
        if (!v.passed) done = -1;
        else if (done < 0) done = dayOf(v.on);
      }
      return done;
    };
    const units = /* @__PURE__ */ new Set();
    const t = [0, 0, 0, 0, 0];
    for (const i of inspections) {
      if (i.date > asOf) continue;
      units.add(i.unit);
      const deadline = ix.addWorkingDays(dayOf(i.date), rectificationLimit.days);
      for (const s of i.suggestions) {
        const rs = bySuggestion.get(`${i.id}/${s.id}`);
        let best = 4;
        if (rs === void 0) best = 3;
        else
          for (const r of rs) {
            const due = deadline < 0 ? dayOf(r.deadline) : deadline;
            const done = completed(r);
            const o = done >= 0 ? done <= due ? 0 : 1 : due < asOfDay ? 2 : 3;
            if (o < best) best = o;
          }
        if (best <= 1) t[0]++;
        if (best === 0) t[1]++;
        else if (best === 1) t[2]++;
        else if (best === 2) t[3]++;
        else t[4]++;
      }
    }
    return [...t, units.size];
  },
  (a, b) => a.join() === b.join()
);
records.length = 0;
inspections.length = 0;
rectifications.length = 0;
section = "assessment";
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
    const totalOf = Assessment_exports.totalScorer(City_exports.indicatorSystem);
    let t = 0;
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += totalOf(u.inputs);
    return round22(t / rounds);
  },
  () => {
    let t = 0;
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += scoreByHand(u.inputs);
    return round22(t / rounds);
  },
  (a, b) => Math.abs(a - b) < 0.01 * inputs.length
);
compare2(
  `assessment score sheets, explained (${inputs.length} units \xD7 ${rounds})`,
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
  (a, b) => Math.abs(a - b) < 0.01 * inputs.length,
  // the goal is on the figure (the totals, above); this line shows what the explained sheet costs on top
  true
);
console.log(
  JSON.stringify({
    scale,
    caseSample: Number(sampleArg),
    sizes: sizes2,
    results,
    maxRssMb: process.resourceUsage().maxRSS / 1024
  })
);
/*! Bundled license information:

gcoord/dist/gcoord.cjs.prod.js:
gcoord/dist/gcoord.cjs.js:
  (**
   * @preserve
   * gcoord 1.0.7, geographic coordinate library
   * Copyright (c) 2025 Jiulong Hu <me@hujiulong.com>
   *)
*/
