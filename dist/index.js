import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 829:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/*!
 * mime-db
 * Copyright(c) 2014 Jonathan Ong
 * Copyright(c) 2015-2022 Douglas Christopher Wilson
 * MIT Licensed
 */

/**
 * Module exports.
 */

module.exports = __nccwpck_require__(813)


/***/ }),

/***/ 96:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*!
 * mime-types
 * Copyright(c) 2014 Jonathan Ong
 * Copyright(c) 2015 Douglas Christopher Wilson
 * MIT Licensed
 */



/**
 * Module dependencies.
 * @private
 */

var db = __nccwpck_require__(829)
var extname = (__nccwpck_require__(928).extname)
var mimeScore = __nccwpck_require__(62)

/**
 * Module variables.
 * @private
 */

var EXTRACT_TYPE_REGEXP = /^\s*([^;\s]*)(?:;|\s|$)/
var TEXT_TYPE_REGEXP = /^text\//i

/**
 * Module exports.
 * @public
 */

exports.charset = charset
exports.charsets = { lookup: charset }
exports.contentType = contentType
exports.extension = extension
exports.extensions = Object.create(null)
exports.lookup = lookup
exports.types = Object.create(null)
exports._extensionConflicts = []

// Populate the extensions/types maps
populateMaps(exports.extensions, exports.types)

/**
 * Get the default charset for a MIME type.
 *
 * @param {string} type
 * @return {false|string}
 */

function charset (type) {
  if (!type || typeof type !== 'string') {
    return false
  }

  // TODO: use media-typer
  var match = EXTRACT_TYPE_REGEXP.exec(type)
  var mime = match && db[match[1].toLowerCase()]

  if (mime && mime.charset) {
    return mime.charset
  }

  // default text/* to utf-8
  if (match && TEXT_TYPE_REGEXP.test(match[1])) {
    return 'UTF-8'
  }

  return false
}

/**
 * Create a full Content-Type header given a MIME type or extension.
 *
 * @param {string} str
 * @return {false|string}
 */

function contentType (str) {
  // TODO: should this even be in this module?
  if (!str || typeof str !== 'string') {
    return false
  }

  var mime = str.indexOf('/') === -1 ? exports.lookup(str) : str

  if (!mime) {
    return false
  }

  // TODO: use content-type or other module
  if (mime.indexOf('charset') === -1) {
    var charset = exports.charset(mime)
    if (charset) mime += '; charset=' + charset.toLowerCase()
  }

  return mime
}

/**
 * Get the default extension for a MIME type.
 *
 * @param {string} type
 * @return {false|string}
 */

function extension (type) {
  if (!type || typeof type !== 'string') {
    return false
  }

  // TODO: use media-typer
  var match = EXTRACT_TYPE_REGEXP.exec(type)

  // get extensions
  var exts = match && exports.extensions[match[1].toLowerCase()]

  if (!exts || !exts.length) {
    return false
  }

  return exts[0]
}

/**
 * Lookup the MIME type for a file path/extension.
 *
 * @param {string} path
 * @return {false|string}
 */

function lookup (path) {
  if (!path || typeof path !== 'string') {
    return false
  }

  // get the extension ("ext" or ".ext" or full path)
  var extension = extname('x.' + path)
    .toLowerCase()
    .slice(1)

  if (!extension) {
    return false
  }

  return exports.types[extension] || false
}

/**
 * Populate the extensions and types maps.
 * @private
 */

function populateMaps (extensions, types) {
  Object.keys(db).forEach(function forEachMimeType (type) {
    var mime = db[type]
    var exts = mime.extensions

    if (!exts || !exts.length) {
      return
    }

    // mime -> extensions
    extensions[type] = exts

    // extension -> mime
    for (var i = 0; i < exts.length; i++) {
      var extension = exts[i]
      types[extension] = _preferredType(extension, types[extension], type)

      // DELETE (eventually): Capture extension->type maps that change as a
      // result of switching to mime-score.  This is just to help make reviewing
      // PR #119 easier, and can be removed once that PR is approved.
      const legacyType = _preferredTypeLegacy(
        extension,
        types[extension],
        type
      )
      if (legacyType !== types[extension]) {
        exports._extensionConflicts.push([extension, legacyType, types[extension]])
      }
    }
  })
}

// Resolve type conflict using mime-score
function _preferredType (ext, type0, type1) {
  var score0 = type0 ? mimeScore(type0, db[type0].source) : 0
  var score1 = type1 ? mimeScore(type1, db[type1].source) : 0

  return score0 > score1 ? type0 : type1
}

// Resolve type conflict using pre-mime-score logic
function _preferredTypeLegacy (ext, type0, type1) {
  var SOURCE_RANK = ['nginx', 'apache', undefined, 'iana']

  var score0 = type0 ? SOURCE_RANK.indexOf(db[type0].source) : 0
  var score1 = type1 ? SOURCE_RANK.indexOf(db[type1].source) : 0

  if (
    exports.types[extension] !== 'application/octet-stream' &&
    (score0 > score1 ||
      (score0 === score1 &&
        exports.types[extension]?.slice(0, 12) === 'application/'))
  ) {
    return type0
  }

  return score0 > score1 ? type0 : type1
}


/***/ }),

/***/ 62:
/***/ ((module) => {

// 'mime-score' back-ported to CommonJS

// Score RFC facets (see https://tools.ietf.org/html/rfc6838#section-3)
var FACET_SCORES = {
  'prs.': 100,
  'x-': 200,
  'x.': 300,
  'vnd.': 400,
  default: 900
}

// Score mime source (Logic originally from `jshttp/mime-types` module)
var SOURCE_SCORES = {
  nginx: 10,
  apache: 20,
  iana: 40,
  default: 30 // definitions added by `jshttp/mime-db` project?
}

var TYPE_SCORES = {
  // prefer application/xml over text/xml
  // prefer application/rtf over text/rtf
  application: 1,

  // prefer font/woff over application/font-woff
  font: 2,

  // prefer video/mp4 over audio/mp4 over application/mp4
  // See https://www.rfc-editor.org/rfc/rfc4337.html#section-2
  audio: 2,
  video: 3,

  default: 0
}

/**
 * Get each component of the score for a mime type.  The sum of these is the
 * total score.  The higher the score, the more "official" the type.
 */
module.exports = function mimeScore (mimeType, source = 'default') {
  if (mimeType === 'application/octet-stream') {
    return 0
  }

  const [type, subtype] = mimeType.split('/')

  const facet = subtype.replace(/(\.|x-).*/, '$1')

  const facetScore = FACET_SCORES[facet] || FACET_SCORES.default
  const sourceScore = SOURCE_SCORES[source] || SOURCE_SCORES.default
  const typeScore = TYPE_SCORES[type] || TYPE_SCORES.default

  // All else being equal prefer shorter types
  const lengthScore = 1 - mimeType.length / 100

  return facetScore + sourceScore + typeScore + lengthScore
}


/***/ }),

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 77:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(928);
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./stubs/undici/index.cjs
var undici = __nccwpck_require__(654);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary_summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/constants.ts
/** Input names, exactly as action.yml spells them. */
var Input;
(function (Input) {
    Input["ApiKey"] = "api-key";
    Input["Path"] = "path";
    Input["Mode"] = "mode";
    Input["BaseUrl"] = "base-url";
    Input["AllowInsecureHttp"] = "allow-insecure-http";
    Input["Concurrency"] = "concurrency";
    Input["IfNoFilesFound"] = "if-no-files-found";
    Input["Retries"] = "retries";
    Input["FailFast"] = "fail-fast";
    Input["DryRun"] = "dry-run";
    Input["AssetName"] = "asset-name";
    Input["Manifest"] = "manifest";
    Input["Shard"] = "shard";
    Input["IncludeHiddenFiles"] = "include-hidden-files";
})(Input || (Input = {}));
/** Output names, exactly as action.yml spells them. */
var Output;
(function (Output) {
    Output["AssetIds"] = "asset-ids";
    Output["Assets"] = "assets";
    Output["Count"] = "count";
    Output["Failed"] = "failed";
    Output["UploadedCount"] = "uploaded-count";
    Output["SkippedCount"] = "skipped-count";
    Output["OutputsTruncated"] = "outputs-truncated";
    Output["AssetsFile"] = "assets-file";
    Output["ChecksumsFile"] = "checksums-file";
})(Output || (Output = {}));
var UploadMode;
(function (UploadMode) {
    UploadMode["Auto"] = "auto";
    UploadMode["Single"] = "single";
    UploadMode["Bulk"] = "bulk";
})(UploadMode || (UploadMode = {}));
var AssetNaming;
(function (AssetNaming) {
    AssetNaming["Basename"] = "basename";
    AssetNaming["Relative"] = "relative";
})(AssetNaming || (AssetNaming = {}));
var NoFileOption;
(function (NoFileOption) {
    NoFileOption["Error"] = "error";
    NoFileOption["Warn"] = "warn";
    NoFileOption["Ignore"] = "ignore";
})(NoFileOption || (NoFileOption = {}));
const DEFAULT_BASE_URL = 'https://prod.backend.netikscloud.com';
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 64;
const DEFAULT_RETRIES = 4;
const MAX_RETRIES = 10;
/** A matrix runs at most 256 jobs per workflow run, so no more shards than that. */
const MAX_SHARDS = 256;
/** A request that sends and receives nothing for this long is aborted (and retried). */
const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/** The first retry waits up to this long; each further retry doubles the window. */
const DEFAULT_RETRY_BASE_MS = 1000;
/** A transfer longer than this gets a progress line every this long. */
const DEFAULT_PROGRESS_INTERVAL_MS = 10_000;
/**
 * Confirmed uploads whose details are kept in memory before the rest go to the details spool:
 * about half a KiB each, so 1 MiB, however many files follow (see DetailsSpool).
 */
const DEFAULT_RECORDS_IN_MEMORY = 2000;
/** `auto` picks single mode for exactly one file smaller than this. */
const AUTO_SINGLE_MAX_BYTES = 10 * 1024 * 1024;
/** Files per generate-presigned-url call. */
const PRESIGN_BATCH_SIZE = 50;
/** S3 accepts at most this many bytes in one PUT. */
const MAX_PUT_BYTES = 5 * 1024 * 1024 * 1024;
const ACTION_VERSION = '1.0.0';
const ACTION_USER_AGENT = `netiks-upload-action/${ACTION_VERSION}`;

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem with the workflow's inputs or files, found before anything is uploaded. */
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
/** The server answered, but not with success. `serverMessage` is the server's own words. */
class HttpError extends Error {
    step;
    status;
    serverMessage;
    retryAfterMs;
    s3Code;
    constructor(step, status, serverMessage, message, 
    /** How long the server asked us to wait (Retry-After), if it did. */
    retryAfterMs, 
    /** S3's error code (`AccessDenied`, `SignatureDoesNotMatch`, …) when S3 answered. */
    s3Code) {
        super(message);
        this.step = step;
        this.status = status;
        this.serverMessage = serverMessage;
        this.retryAfterMs = retryAfterMs;
        this.s3Code = s3Code;
        this.name = 'HttpError';
    }
}
/** The API refused the api-key: every further request would be refused too. */
class AuthError extends HttpError {
    constructor(step, status, serverMessage, baseUrl) {
        super(step, status, serverMessage, `The Netiks API at ${baseUrl} rejected the api-key (HTTP ${status}: ${serverMessage}). ` +
            'Check that the secret passed as api-key holds a valid Netiks API key for this base-url.');
        this.name = 'AuthError';
    }
}
/** The server answered with a redirect, which is not followed: the answer names where to. */
class RedirectError extends HttpError {
    constructor(step, status, message) {
        super(step, status, 'a redirect', message);
        this.name = 'RedirectError';
    }
}
/** No HTTP answer at all: the connection failed, was reset, or stalled. */
class NetworkError extends Error {
    step;
    code;
    requestSent;
    proxy;
    constructor(step, code, message, 
    /**
     * Whether the whole request had been written when it failed. If not, the server cannot
     * have acted on it; if so, it may have (the answer was lost, not the request).
     */
    requestSent = true, 
    /** The proxy the request went through (its origin), when the failure was the proxy's. */
    proxy) {
        super(message);
        this.step = step;
        this.code = code;
        this.requestSent = requestSent;
        this.proxy = proxy;
        this.name = 'NetworkError';
    }
}
/**
 * An https URL whose port answered in plain http (EPROTO, "wrong version number"): every
 * request to it would fail alike.
 */
class WrongSchemeError extends NetworkError {
    constructor(step, message) {
        super(step, 'EPROTO', message, false);
        this.name = 'WrongSchemeError';
    }
}
/** The server answered 2xx but not with what the contract promises. */
class ProtocolError extends Error {
    step;
    constructor(step, message) {
        super(message);
        this.step = step;
        this.name = 'ProtocolError';
    }
}
/**
 * The API answered a presigned URL the action will not follow: plain http behind an https
 * base-url, credentials in its authority, or not an http(s) URL at all. Nothing is sent to it,
 * and the run stops: every other URL from the same API would be the same.
 */
class InsecureUrlError extends ProtocolError {
    constructor(step, message) {
        super(step, message);
        this.name = 'InsecureUrlError';
    }
}
/** The local file changed or could not be read while it was being sent. */
class FileReadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileReadError';
    }
}
/** The file's size or modification time changed between its stat and the end of its read. */
class FileChangedError extends FileReadError {
    constructor(message) {
        super(message);
        this.name = 'FileChangedError';
    }
}
/** The run was cancelled before this work finished. */
class CancelledError extends Error {
    constructor() {
        super('cancelled before it finished');
        this.name = 'CancelledError';
    }
}
/** An I/O failure in a few words: its code (ENOSPC, EACCES, …) when it has one, else its message. */
function codeOrMessage(error) {
    return error?.code ?? errorMessage(error);
}
function errorMessage(error) {
    if (typeof error === 'object' && error !== null && typeof error.message === 'string') {
        return error.message;
    }
    return String(error);
}

;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-glob-options-helper.js

/**
 * Returns a copy with defaults filled in.
 */
function getOptions(copy) {
    const result = {
        followSymbolicLinks: true,
        implicitDescendants: true,
        matchDirectories: true,
        omitBrokenSymbolicLinks: true,
        excludeHiddenFiles: false
    };
    if (copy) {
        if (typeof copy.followSymbolicLinks === 'boolean') {
            result.followSymbolicLinks = copy.followSymbolicLinks;
            core_debug(`followSymbolicLinks '${result.followSymbolicLinks}'`);
        }
        if (typeof copy.implicitDescendants === 'boolean') {
            result.implicitDescendants = copy.implicitDescendants;
            core_debug(`implicitDescendants '${result.implicitDescendants}'`);
        }
        if (typeof copy.matchDirectories === 'boolean') {
            result.matchDirectories = copy.matchDirectories;
            core_debug(`matchDirectories '${result.matchDirectories}'`);
        }
        if (typeof copy.omitBrokenSymbolicLinks === 'boolean') {
            result.omitBrokenSymbolicLinks = copy.omitBrokenSymbolicLinks;
            core_debug(`omitBrokenSymbolicLinks '${result.omitBrokenSymbolicLinks}'`);
        }
        if (typeof copy.excludeHiddenFiles === 'boolean') {
            result.excludeHiddenFiles = copy.excludeHiddenFiles;
            core_debug(`excludeHiddenFiles '${result.excludeHiddenFiles}'`);
        }
    }
    return result;
}
//# sourceMappingURL=internal-glob-options-helper.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-path-helper.js


const internal_path_helper_IS_WINDOWS = process.platform === 'win32';
/**
 * Similar to path.dirname except normalizes the path separators and slightly better handling for Windows UNC paths.
 *
 * For example, on Linux/macOS:
 * - `/               => /`
 * - `/hello          => /`
 *
 * For example, on Windows:
 * - `C:\             => C:\`
 * - `C:\hello        => C:\`
 * - `C:              => C:`
 * - `C:hello         => C:`
 * - `\               => \`
 * - `\hello          => \`
 * - `\\hello         => \\hello`
 * - `\\hello\world   => \\hello\world`
 */
function dirname(p) {
    // Normalize slashes and trim unnecessary trailing slash
    p = safeTrimTrailingSeparator(p);
    // Windows UNC root, e.g. \\hello or \\hello\world
    if (internal_path_helper_IS_WINDOWS && /^\\\\[^\\]+(\\[^\\]+)?$/.test(p)) {
        return p;
    }
    // Get dirname
    let result = external_path_.dirname(p);
    // Trim trailing slash for Windows UNC root, e.g. \\hello\world\
    if (internal_path_helper_IS_WINDOWS && /^\\\\[^\\]+\\[^\\]+\\$/.test(result)) {
        result = safeTrimTrailingSeparator(result);
    }
    return result;
}
/**
 * Roots the path if not already rooted. On Windows, relative roots like `\`
 * or `C:` are expanded based on the current working directory.
 */
function ensureAbsoluteRoot(root, itemPath) {
    external_assert_(root, `ensureAbsoluteRoot parameter 'root' must not be empty`);
    external_assert_(itemPath, `ensureAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Already rooted
    if (hasAbsoluteRoot(itemPath)) {
        return itemPath;
    }
    // Windows
    if (internal_path_helper_IS_WINDOWS) {
        // Check for itemPath like C: or C:foo
        if (itemPath.match(/^[A-Z]:[^\\/]|^[A-Z]:$/i)) {
            let cwd = process.cwd();
            external_assert_(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            // Drive letter matches cwd? Expand to cwd
            if (itemPath[0].toUpperCase() === cwd[0].toUpperCase()) {
                // Drive only, e.g. C:
                if (itemPath.length === 2) {
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}`;
                }
                // Drive + path, e.g. C:foo
                else {
                    if (!cwd.endsWith('\\')) {
                        cwd += '\\';
                    }
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}${itemPath.substr(2)}`;
                }
            }
            // Different drive
            else {
                return `${itemPath[0]}:\\${itemPath.substr(2)}`;
            }
        }
        // Check for itemPath like \ or \foo
        else if (internal_path_helper_normalizeSeparators(itemPath).match(/^\\$|^\\[^\\]/)) {
            const cwd = process.cwd();
            external_assert_(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            return `${cwd[0]}:\\${itemPath.substr(1)}`;
        }
    }
    external_assert_(hasAbsoluteRoot(root), `ensureAbsoluteRoot parameter 'root' must have an absolute root`);
    // Otherwise ensure root ends with a separator
    if (root.endsWith('/') || (internal_path_helper_IS_WINDOWS && root.endsWith('\\'))) {
        // Intentionally empty
    }
    else {
        // Append separator
        root += external_path_.sep;
    }
    return root + itemPath;
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\\hello\share` and `C:\hello` (and using alternate separator).
 */
function hasAbsoluteRoot(itemPath) {
    external_assert_(itemPath, `hasAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = internal_path_helper_normalizeSeparators(itemPath);
    // Windows
    if (internal_path_helper_IS_WINDOWS) {
        // E.g. \\hello\share or C:\hello
        return itemPath.startsWith('\\\\') || /^[A-Z]:\\/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\`, `\hello`, `\\hello\share`, `C:`, and `C:\hello` (and using alternate separator).
 */
function hasRoot(itemPath) {
    external_assert_(itemPath, `isRooted parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = internal_path_helper_normalizeSeparators(itemPath);
    // Windows
    if (internal_path_helper_IS_WINDOWS) {
        // E.g. \ or \hello or \\hello
        // E.g. C: or C:\hello
        return itemPath.startsWith('\\') || /^[A-Z]:/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * Removes redundant slashes and converts `/` to `\` on Windows
 */
function internal_path_helper_normalizeSeparators(p) {
    p = p || '';
    // Windows
    if (internal_path_helper_IS_WINDOWS) {
        // Convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // Remove redundant slashes
        const isUnc = /^\\\\+[^\\]/.test(p); // e.g. \\hello
        return (isUnc ? '\\' : '') + p.replace(/\\\\+/g, '\\'); // preserve leading \\ for UNC
    }
    // Remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
/**
 * Normalizes the path separators and trims the trailing separator (when safe).
 * For example, `/foo/ => /foo` but `/ => /`
 */
function safeTrimTrailingSeparator(p) {
    // Short-circuit if empty
    if (!p) {
        return '';
    }
    // Normalize separators
    p = internal_path_helper_normalizeSeparators(p);
    // No trailing slash
    if (!p.endsWith(external_path_.sep)) {
        return p;
    }
    // Check '/' on Linux/macOS and '\' on Windows
    if (p === external_path_.sep) {
        return p;
    }
    // On Windows check if drive root. E.g. C:\
    if (internal_path_helper_IS_WINDOWS && /^[A-Z]:\\$/i.test(p)) {
        return p;
    }
    // Otherwise trim trailing slash
    return p.substr(0, p.length - 1);
}
//# sourceMappingURL=internal-path-helper.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-match-kind.js
/**
 * Indicates whether a pattern matches a path
 */
var MatchKind;
(function (MatchKind) {
    /** Not matched */
    MatchKind[MatchKind["None"] = 0] = "None";
    /** Matched if the path is a directory */
    MatchKind[MatchKind["Directory"] = 1] = "Directory";
    /** Matched if the path is a regular file */
    MatchKind[MatchKind["File"] = 2] = "File";
    /** Matched */
    MatchKind[MatchKind["All"] = 3] = "All";
})(MatchKind || (MatchKind = {}));
//# sourceMappingURL=internal-match-kind.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-pattern-helper.js


const internal_pattern_helper_IS_WINDOWS = process.platform === 'win32';
/**
 * Given an array of patterns, returns an array of paths to search.
 * Duplicates and paths under other included paths are filtered out.
 */
function getSearchPaths(patterns) {
    // Ignore negate patterns
    patterns = patterns.filter(x => !x.negate);
    // Create a map of all search paths
    const searchPathMap = {};
    for (const pattern of patterns) {
        const key = internal_pattern_helper_IS_WINDOWS
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        searchPathMap[key] = 'candidate';
    }
    const result = [];
    for (const pattern of patterns) {
        // Check if already included
        const key = internal_pattern_helper_IS_WINDOWS
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        if (searchPathMap[key] === 'included') {
            continue;
        }
        // Check for an ancestor search path
        let foundAncestor = false;
        let tempKey = key;
        let parent = dirname(tempKey);
        while (parent !== tempKey) {
            if (searchPathMap[parent]) {
                foundAncestor = true;
                break;
            }
            tempKey = parent;
            parent = dirname(tempKey);
        }
        // Include the search pattern in the result
        if (!foundAncestor) {
            result.push(pattern.searchPath);
            searchPathMap[key] = 'included';
        }
    }
    return result;
}
/**
 * Matches the patterns against the path
 */
function internal_pattern_helper_match(patterns, itemPath) {
    let result = MatchKind.None;
    for (const pattern of patterns) {
        if (pattern.negate) {
            result &= ~pattern.match(itemPath);
        }
        else {
            result |= pattern.match(itemPath);
        }
    }
    return result;
}
/**
 * Checks whether to descend further into the directory
 */
function internal_pattern_helper_partialMatch(patterns, itemPath) {
    return patterns.some(x => !x.negate && x.partialMatch(itemPath));
}
//# sourceMappingURL=internal-pattern-helper.js.map
;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/brace-expressions.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};
//# sourceMappingURL=brace-expressions.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/ast.js
// parse a single path portion
var _a;


const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape_unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape_unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape_unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark;
                hasMagic = true;
                continue;
            }
            re += regExpEscape(c);
        }
        return [re, unescape_unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;
//# sourceMappingURL=ast.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const esm_path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? esm_path.win32.sep : esm_path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const esm_qmark = '[^/]';
// * => any number of characters
const esm_star = esm_qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const esm_regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? esm_star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? esm_regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */



/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-path.js



const internal_path_IS_WINDOWS = process.platform === 'win32';
/**
 * Helper class for parsing paths into segments
 */
class Path {
    /**
     * Constructs a Path
     * @param itemPath Path or array of segments
     */
    constructor(itemPath) {
        this.segments = [];
        // String
        if (typeof itemPath === 'string') {
            external_assert_(itemPath, `Parameter 'itemPath' must not be empty`);
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
            // Not rooted
            if (!hasRoot(itemPath)) {
                this.segments = itemPath.split(external_path_.sep);
            }
            // Rooted
            else {
                // Add all segments, while not at the root
                let remaining = itemPath;
                let dir = dirname(remaining);
                while (dir !== remaining) {
                    // Add the segment
                    const basename = external_path_.basename(remaining);
                    this.segments.unshift(basename);
                    // Truncate the last segment
                    remaining = dir;
                    dir = dirname(remaining);
                }
                // Remainder is the root
                this.segments.unshift(remaining);
            }
        }
        // Array
        else {
            // Must not be empty
            external_assert_(itemPath.length > 0, `Parameter 'itemPath' must not be an empty array`);
            // Each segment
            for (let i = 0; i < itemPath.length; i++) {
                let segment = itemPath[i];
                // Must not be empty
                external_assert_(segment, `Parameter 'itemPath' must not contain any empty segments`);
                // Normalize slashes
                segment = internal_path_helper_normalizeSeparators(itemPath[i]);
                // Root segment
                if (i === 0 && hasRoot(segment)) {
                    segment = safeTrimTrailingSeparator(segment);
                    external_assert_(segment === dirname(segment), `Parameter 'itemPath' root segment contains information for multiple segments`);
                    this.segments.push(segment);
                }
                // All other segments
                else {
                    // Must not contain slash
                    external_assert_(!segment.includes(external_path_.sep), `Parameter 'itemPath' contains unexpected path separators`);
                    this.segments.push(segment);
                }
            }
        }
    }
    /**
     * Converts the path to it's string representation
     */
    toString() {
        // First segment
        let result = this.segments[0];
        // All others
        let skipSlash = result.endsWith(external_path_.sep) || (internal_path_IS_WINDOWS && /^[A-Z]:$/i.test(result));
        for (let i = 1; i < this.segments.length; i++) {
            if (skipSlash) {
                skipSlash = false;
            }
            else {
                result += external_path_.sep;
            }
            result += this.segments[i];
        }
        return result;
    }
}
//# sourceMappingURL=internal-path.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-pattern.js







const internal_pattern_IS_WINDOWS = process.platform === 'win32';
class Pattern {
    constructor(patternOrNegate, isImplicitPattern = false, segments, homedir) {
        /**
         * Indicates whether matches should be excluded from the result set
         */
        this.negate = false;
        // Pattern overload
        let pattern;
        if (typeof patternOrNegate === 'string') {
            pattern = patternOrNegate.trim();
        }
        // Segments overload
        else {
            // Convert to pattern
            segments = segments || [];
            external_assert_(segments.length, `Parameter 'segments' must not empty`);
            const root = Pattern.getLiteral(segments[0]);
            external_assert_(root && hasAbsoluteRoot(root), `Parameter 'segments' first element must be a root path`);
            pattern = new Path(segments).toString().trim();
            if (patternOrNegate) {
                pattern = `!${pattern}`;
            }
        }
        // Negate
        while (pattern.startsWith('!')) {
            this.negate = !this.negate;
            pattern = pattern.substr(1).trim();
        }
        // Normalize slashes and ensures absolute root
        pattern = Pattern.fixupPattern(pattern, homedir);
        // Segments
        this.segments = new Path(pattern).segments;
        // Trailing slash indicates the pattern should only match directories, not regular files
        this.trailingSeparator = internal_path_helper_normalizeSeparators(pattern)
            .endsWith(external_path_.sep);
        pattern = safeTrimTrailingSeparator(pattern);
        // Search path (literal path prior to the first glob segment)
        let foundGlob = false;
        const searchSegments = this.segments
            .map(x => Pattern.getLiteral(x))
            .filter(x => !foundGlob && !(foundGlob = x === ''));
        this.searchPath = new Path(searchSegments).toString();
        // Root RegExp (required when determining partial match)
        this.rootRegExp = new RegExp(Pattern.regExpEscape(searchSegments[0]), internal_pattern_IS_WINDOWS ? 'i' : '');
        this.isImplicitPattern = isImplicitPattern;
        // Create minimatch
        const minimatchOptions = {
            dot: true,
            nobrace: true,
            nocase: internal_pattern_IS_WINDOWS,
            nocomment: true,
            noext: true,
            nonegate: true
        };
        pattern = internal_pattern_IS_WINDOWS ? pattern.replace(/\\/g, '/') : pattern;
        this.minimatch = new Minimatch(pattern, minimatchOptions);
    }
    /**
     * Matches the pattern against the specified path
     */
    match(itemPath) {
        // Last segment is globstar?
        if (this.segments[this.segments.length - 1] === '**') {
            // Normalize slashes
            itemPath = internal_path_helper_normalizeSeparators(itemPath);
            // Append a trailing slash. Otherwise Minimatch will not match the directory immediately
            // preceding the globstar. For example, given the pattern `/foo/**`, Minimatch returns
            // false for `/foo` but returns true for `/foo/`. Append a trailing slash to handle that quirk.
            if (!itemPath.endsWith(external_path_.sep) && this.isImplicitPattern === false) {
                // Note, this is safe because the constructor ensures the pattern has an absolute root.
                // For example, formats like C: and C:foo on Windows are resolved to an absolute root.
                itemPath = `${itemPath}${external_path_.sep}`;
            }
        }
        else {
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
        }
        // Match
        if (this.minimatch.match(itemPath)) {
            return this.trailingSeparator ? MatchKind.Directory : MatchKind.All;
        }
        return MatchKind.None;
    }
    /**
     * Indicates whether the pattern may match descendants of the specified path
     */
    partialMatch(itemPath) {
        // Normalize slashes and trim unnecessary trailing slash
        itemPath = safeTrimTrailingSeparator(itemPath);
        // matchOne does not handle root path correctly
        if (dirname(itemPath) === itemPath) {
            return this.rootRegExp.test(itemPath);
        }
        return this.minimatch.matchOne(itemPath.split(internal_pattern_IS_WINDOWS ? /\\+/ : /\/+/), this.minimatch.set[0], true);
    }
    /**
     * Escapes glob patterns within a path
     */
    static globEscape(s) {
        return (internal_pattern_IS_WINDOWS ? s : s.replace(/\\/g, '\\\\')) // escape '\' on Linux/macOS
            .replace(/(\[)(?=[^/]+\])/g, '[[]') // escape '[' when ']' follows within the path segment
            .replace(/\?/g, '[?]') // escape '?'
            .replace(/\*/g, '[*]'); // escape '*'
    }
    /**
     * Normalizes slashes and ensures absolute root
     */
    static fixupPattern(pattern, homedir) {
        // Empty
        external_assert_(pattern, 'pattern cannot be empty');
        // Must not contain `.` segment, unless first segment
        // Must not contain `..` segment
        const literalSegments = new Path(pattern).segments.map(x => Pattern.getLiteral(x));
        external_assert_(literalSegments.every((x, i) => (x !== '.' || i === 0) && x !== '..'), `Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`);
        // Must not contain globs in root, e.g. Windows UNC path \\foo\b*r
        external_assert_(!hasRoot(pattern) || literalSegments[0], `Invalid pattern '${pattern}'. Root segment must not contain globs.`);
        // Normalize slashes
        pattern = internal_path_helper_normalizeSeparators(pattern);
        // Replace leading `.` segment
        if (pattern === '.' || pattern.startsWith(`.${external_path_.sep}`)) {
            pattern = Pattern.globEscape(process.cwd()) + pattern.substr(1);
        }
        // Replace leading `~` segment
        else if (pattern === '~' || pattern.startsWith(`~${external_path_.sep}`)) {
            homedir = homedir || external_os_namespaceObject.homedir();
            external_assert_(homedir, 'Unable to determine HOME directory');
            external_assert_(hasAbsoluteRoot(homedir), `Expected HOME directory to be a rooted path. Actual '${homedir}'`);
            pattern = Pattern.globEscape(homedir) + pattern.substr(1);
        }
        // Replace relative drive root, e.g. pattern is C: or C:foo
        else if (internal_pattern_IS_WINDOWS &&
            (pattern.match(/^[A-Z]:$/i) || pattern.match(/^[A-Z]:[^\\]/i))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', pattern.substr(0, 2));
            if (pattern.length > 2 && !root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(2);
        }
        // Replace relative root, e.g. pattern is \ or \foo
        else if (internal_pattern_IS_WINDOWS && (pattern === '\\' || pattern.match(/^\\[^\\]/))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', '\\');
            if (!root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(1);
        }
        // Otherwise ensure absolute root
        else {
            pattern = ensureAbsoluteRoot(Pattern.globEscape(process.cwd()), pattern);
        }
        return internal_path_helper_normalizeSeparators(pattern);
    }
    /**
     * Attempts to unescape a pattern segment to create a literal path segment.
     * Otherwise returns empty string.
     */
    static getLiteral(segment) {
        let literal = '';
        for (let i = 0; i < segment.length; i++) {
            const c = segment[i];
            // Escape
            if (c === '\\' && !internal_pattern_IS_WINDOWS && i + 1 < segment.length) {
                literal += segment[++i];
                continue;
            }
            // Wildcard
            else if (c === '*' || c === '?') {
                return '';
            }
            // Character set
            else if (c === '[' && i + 1 < segment.length) {
                let set = '';
                let closed = -1;
                for (let i2 = i + 1; i2 < segment.length; i2++) {
                    const c2 = segment[i2];
                    // Escape
                    if (c2 === '\\' && !internal_pattern_IS_WINDOWS && i2 + 1 < segment.length) {
                        set += segment[++i2];
                        continue;
                    }
                    // Closed
                    else if (c2 === ']') {
                        closed = i2;
                        break;
                    }
                    // Otherwise
                    else {
                        set += c2;
                    }
                }
                // Closed?
                if (closed >= 0) {
                    // Cannot convert
                    if (set.length > 1) {
                        return '';
                    }
                    // Convert to literal
                    if (set) {
                        literal += set;
                        i = closed;
                        continue;
                    }
                }
                // Otherwise fall thru
            }
            // Append
            literal += c;
        }
        return literal;
    }
    /**
     * Escapes regexp special characters
     * https://javascript.info/regexp-escaping
     */
    static regExpEscape(s) {
        return s.replace(/[[\\^$.|?*+()]/g, '\\$&');
    }
}
//# sourceMappingURL=internal-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-search-state.js
class SearchState {
    constructor(path, level) {
        this.path = path;
        this.level = level;
    }
}
//# sourceMappingURL=internal-search-state.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-globber.js
var internal_globber_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __asyncValues = (undefined && undefined.__asyncValues) || function (o) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var m = o[Symbol.asyncIterator], i;
    return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
    function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
    function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
};
var __await = (undefined && undefined.__await) || function (v) { return this instanceof __await ? (this.v = v, this) : new __await(v); }
var __asyncGenerator = (undefined && undefined.__asyncGenerator) || function (thisArg, _arguments, generator) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var g = generator.apply(thisArg, _arguments || []), i, q = [];
    return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function () { return this; }, i;
    function awaitReturn(f) { return function (v) { return Promise.resolve(v).then(f, reject); }; }
    function verb(n, f) { if (g[n]) { i[n] = function (v) { return new Promise(function (a, b) { q.push([n, v, a, b]) > 1 || resume(n, v); }); }; if (f) i[n] = f(i[n]); } }
    function resume(n, v) { try { step(g[n](v)); } catch (e) { settle(q[0][3], e); } }
    function step(r) { r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r); }
    function fulfill(value) { resume("next", value); }
    function reject(value) { resume("throw", value); }
    function settle(f, v) { if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]); }
};








const internal_globber_IS_WINDOWS = process.platform === 'win32';
class DefaultGlobber {
    constructor(options) {
        this.patterns = [];
        this.searchPaths = [];
        this.options = getOptions(options);
    }
    getSearchPaths() {
        // Return a copy
        return this.searchPaths.slice();
    }
    glob() {
        return internal_globber_awaiter(this, void 0, void 0, function* () {
            var _a, e_1, _b, _c;
            const result = [];
            try {
                for (var _d = true, _e = __asyncValues(this.globGenerator()), _f; _f = yield _e.next(), _a = _f.done, !_a; _d = true) {
                    _c = _f.value;
                    _d = false;
                    const itemPath = _c;
                    result.push(itemPath);
                }
            }
            catch (e_1_1) { e_1 = { error: e_1_1 }; }
            finally {
                try {
                    if (!_d && !_a && (_b = _e.return)) yield _b.call(_e);
                }
                finally { if (e_1) throw e_1.error; }
            }
            return result;
        });
    }
    globGenerator() {
        return __asyncGenerator(this, arguments, function* globGenerator_1() {
            // Fill in defaults options
            const options = getOptions(this.options);
            // Implicit descendants?
            const patterns = [];
            for (const pattern of this.patterns) {
                patterns.push(pattern);
                if (options.implicitDescendants &&
                    (pattern.trailingSeparator ||
                        pattern.segments[pattern.segments.length - 1] !== '**')) {
                    patterns.push(new Pattern(pattern.negate, true, pattern.segments.concat('**')));
                }
            }
            // Push the search paths
            const stack = [];
            for (const searchPath of getSearchPaths(patterns)) {
                core_debug(`Search path '${searchPath}'`);
                // Exists?
                try {
                    // Intentionally using lstat. Detection for broken symlink
                    // will be performed later (if following symlinks).
                    yield __await(external_fs_namespaceObject.promises.lstat(searchPath));
                }
                catch (err) {
                    if (err.code === 'ENOENT') {
                        continue;
                    }
                    throw err;
                }
                stack.unshift(new SearchState(searchPath, 1));
            }
            // Search
            const traversalChain = []; // used to detect cycles
            while (stack.length) {
                // Pop
                const item = stack.pop();
                // Match?
                const match = internal_pattern_helper_match(patterns, item.path);
                const partialMatch = !!match || internal_pattern_helper_partialMatch(patterns, item.path);
                if (!match && !partialMatch) {
                    continue;
                }
                // Stat
                const stats = yield __await(DefaultGlobber.stat(item, options, traversalChain)
                // Broken symlink, or symlink cycle detected, or no longer exists
                );
                // Broken symlink, or symlink cycle detected, or no longer exists
                if (!stats) {
                    continue;
                }
                // Hidden file or directory?
                if (options.excludeHiddenFiles && external_path_.basename(item.path).match(/^\./)) {
                    continue;
                }
                // Directory
                if (stats.isDirectory()) {
                    // Matched
                    if (match & MatchKind.Directory && options.matchDirectories) {
                        yield yield __await(item.path);
                    }
                    // Descend?
                    else if (!partialMatch) {
                        continue;
                    }
                    // Push the child items in reverse
                    const childLevel = item.level + 1;
                    const childItems = (yield __await(external_fs_namespaceObject.promises.readdir(item.path))).map(x => new SearchState(external_path_.join(item.path, x), childLevel));
                    stack.push(...childItems.reverse());
                }
                // File
                else if (match & MatchKind.File) {
                    yield yield __await(item.path);
                }
            }
        });
    }
    /**
     * Constructs a DefaultGlobber
     */
    static create(patterns, options) {
        return internal_globber_awaiter(this, void 0, void 0, function* () {
            const result = new DefaultGlobber(options);
            if (internal_globber_IS_WINDOWS) {
                patterns = patterns.replace(/\r\n/g, '\n');
                patterns = patterns.replace(/\r/g, '\n');
            }
            const lines = patterns.split('\n').map(x => x.trim());
            for (const line of lines) {
                // Empty or comment
                if (!line || line.startsWith('#')) {
                    continue;
                }
                // Pattern
                else {
                    result.patterns.push(new Pattern(line));
                }
            }
            result.searchPaths.push(...getSearchPaths(result.patterns));
            return result;
        });
    }
    static stat(item, options, traversalChain) {
        return internal_globber_awaiter(this, void 0, void 0, function* () {
            // Note:
            // `stat` returns info about the target of a symlink (or symlink chain)
            // `lstat` returns info about a symlink itself
            let stats;
            if (options.followSymbolicLinks) {
                try {
                    // Use `stat` (following symlinks)
                    stats = yield external_fs_namespaceObject.promises.stat(item.path);
                }
                catch (err) {
                    if (err.code === 'ENOENT') {
                        if (options.omitBrokenSymbolicLinks) {
                            core_debug(`Broken symlink '${item.path}'`);
                            return undefined;
                        }
                        throw new Error(`No information found for the path '${item.path}'. This may indicate a broken symbolic link.`);
                    }
                    throw err;
                }
            }
            else {
                // Use `lstat` (not following symlinks)
                stats = yield external_fs_namespaceObject.promises.lstat(item.path);
            }
            // Note, isDirectory() returns false for the lstat of a symlink
            if (stats.isDirectory() && options.followSymbolicLinks) {
                // Get the realpath
                const realPath = yield external_fs_namespaceObject.promises.realpath(item.path);
                // Fixup the traversal chain to match the item level
                while (traversalChain.length >= item.level) {
                    traversalChain.pop();
                }
                // Test for a cycle
                if (traversalChain.some((x) => x === realPath)) {
                    core_debug(`Symlink cycle detected for path '${item.path}' and realpath '${realPath}'`);
                    return undefined;
                }
                // Update the traversal chain
                traversalChain.push(realPath);
            }
            return stats;
        });
    }
}
//# sourceMappingURL=internal-globber.js.map
;// CONCATENATED MODULE: external "stream"
const external_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");
// EXTERNAL MODULE: external "util"
var external_util_ = __nccwpck_require__(23);
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-hash-files.js
var internal_hash_files_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var internal_hash_files_asyncValues = (undefined && undefined.__asyncValues) || function (o) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var m = o[Symbol.asyncIterator], i;
    return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
    function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
    function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
};






function hashFiles(globber_1, currentWorkspace_1) {
    return internal_hash_files_awaiter(this, arguments, void 0, function* (globber, currentWorkspace, verbose = false) {
        var _a, e_1, _b, _c;
        var _d;
        const writeDelegate = verbose ? core.info : core.debug;
        let hasMatch = false;
        const githubWorkspace = currentWorkspace
            ? currentWorkspace
            : ((_d = process.env['GITHUB_WORKSPACE']) !== null && _d !== void 0 ? _d : process.cwd());
        const result = crypto.createHash('sha256');
        let count = 0;
        try {
            for (var _e = true, _f = internal_hash_files_asyncValues(globber.globGenerator()), _g; _g = yield _f.next(), _a = _g.done, !_a; _e = true) {
                _c = _g.value;
                _e = false;
                const file = _c;
                writeDelegate(file);
                if (!file.startsWith(`${githubWorkspace}${path.sep}`)) {
                    writeDelegate(`Ignore '${file}' since it is not under GITHUB_WORKSPACE.`);
                    continue;
                }
                if (fs.statSync(file).isDirectory()) {
                    writeDelegate(`Skip directory '${file}'.`);
                    continue;
                }
                const hash = crypto.createHash('sha256');
                const pipeline = util.promisify(stream.pipeline);
                yield pipeline(fs.createReadStream(file), hash);
                result.write(hash.digest());
                count++;
                if (!hasMatch) {
                    hasMatch = true;
                }
            }
        }
        catch (e_1_1) { e_1 = { error: e_1_1 }; }
        finally {
            try {
                if (!_e && !_a && (_b = _f.return)) yield _b.call(_f);
            }
            finally { if (e_1) throw e_1.error; }
        }
        result.end();
        if (hasMatch) {
            writeDelegate(`Found ${count} files to hash.`);
            return result.digest('hex');
        }
        else {
            writeDelegate(`No matches found for glob`);
            return '';
        }
    });
}
//# sourceMappingURL=internal-hash-files.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/glob.js
var glob_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Constructs a globber
 *
 * @param patterns  Patterns separated by newlines
 * @param options   Glob options
 */
function create(patterns, options) {
    return glob_awaiter(this, void 0, void 0, function* () {
        return yield DefaultGlobber.create(patterns, options);
    });
}
/**
 * Computes the sha256 hash of a glob
 *
 * @param patterns  Patterns separated by newlines
 * @param currentWorkspace  Workspace used when matching files
 * @param options   Glob options
 * @param verbose   Enables verbose logging
 */
function glob_hashFiles(patterns_1) {
    return glob_awaiter(this, arguments, void 0, function* (patterns, currentWorkspace = '', options, verbose = false) {
        let followSymbolicLinks = true;
        if (options && typeof options.followSymbolicLinks === 'boolean') {
            followSymbolicLinks = options.followSymbolicLinks;
        }
        const globber = yield create(patterns, { followSymbolicLinks });
        return _hashFiles(globber, currentWorkspace, verbose);
    });
}
//# sourceMappingURL=glob.js.map
;// CONCATENATED MODULE: ./src/format.ts
/** 1536 → "1.5 KiB". */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** Bytes per second over a duration: "15.5 MiB/s", or n/a for no time at all. */
function formatRate(bytes, durationMs) {
    return durationMs > 0 ? `${formatBytes(Math.round(bytes / (durationMs / 1000)))}/s` : 'n/a';
}
/** countOf(1, 'file') → "1 file"; countOf(3, 'file') → "3 files". */
function countOf(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** The first few items and how many more: a message must stay readable with thousands of files. */
function listSome(items, shown = 20, separator = ', ') {
    const more = items.length > shown ? ` and ${items.length - shown} more` : '';
    return `${items.slice(0, shown).join(separator)}${more}`;
}
/** The bytes of all the files together. */
function totalSize(files) {
    return files.reduce((sum, file) => sum + file.size, 0);
}
/** Code-unit order: the same on every runner, whatever its locale. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Items in the order of their files' paths: as they are when they already are (the usual case), else a sorted copy. */
function sortedByPath(items) {
    const byPath = (a, b) => compareText(a.file.relativePath, b.file.relativePath);
    for (let i = 1; i < items.length; i++) {
        if (byPath(items[i - 1], items[i]) > 0)
            return [...items].sort(byPath);
    }
    return items;
}
/**
 * Text that ends a sentence, so that another can follow it: a stop is added unless it already
 * ends with one (or with "…", where the server's words were cut).
 */
function withStop(text) {
    const trimmed = text.trimEnd();
    return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
/** "1 of 3 files was", "2 of 3 files were": a count of a total, and the verb that agrees with the count. */
function countOfTotal(count, total, noun) {
    return `${count} of ${countOf(total, noun)} ${count === 1 ? 'was' : 'were'}`;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: ./node_modules/mime-types/index.js
var mime_types = __nccwpck_require__(96);
;// CONCATENATED MODULE: ./src/content-type.ts

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';
/** The media type for a file name, from its extension (mime-types' table); octet-stream when unknown. */
function contentTypeFor(fileName) {
    return mime_types.lookup(fileName) || FALLBACK_CONTENT_TYPE;
}

;// CONCATENATED MODULE: ./src/paths.ts
/**
 * Paths as this runner's file system spells and compares them. The one place that looks at the
 * platform: everything else takes a PathRules, so the Windows rules are tested on Linux too.
 */

/**
 * Windows (NTFS) and macOS (APFS, HFS+) are case-insensitive by default; Linux file systems
 * are not. A case-sensitive APFS volume is rare enough to follow the default.
 */
function pathRulesFor(platform) {
    return {
        path: platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix,
        caseInsensitive: platform === 'win32' || platform === 'darwin'
    };
}
const paths_HOST_PATHS = pathRulesFor(process.platform);
/**
 * What two path strings are compared by. Case is folded one character to one character, as
 * NTFS's upcase table does ('ß' stays 'ß'); macOS also finds é and e + ◌́ to be one name.
 */
function pathKey(text, rules = paths_HOST_PATHS) {
    if (!rules.caseInsensitive)
        return text;
    const normalized = text.normalize('NFC');
    const upper = normalized.toUpperCase();
    if (upper.length === normalized.length)
        return upper;
    let folded = '';
    for (const char of normalized) {
        const up = char.toUpperCase();
        folded += up.length === char.length ? up : char;
    }
    return folded;
}
function split(absolutePath, rules) {
    const normalized = rules.path.normalize(absolutePath);
    const root = rules.path.parse(normalized).root;
    return { root, segments: normalized.slice(root.length).split(rules.path.sep).filter(Boolean) };
}
/** The number of leading segments `inner` shares with `outer`, or -1 when their roots differ. */
function sharedDepth(outer, inner, rules) {
    if (pathKey(outer.root, rules) !== pathKey(inner.root, rules))
        return -1;
    const limit = Math.min(outer.segments.length, inner.segments.length);
    let depth = 0;
    while (depth < limit && pathKey(outer.segments[depth], rules) === pathKey(inner.segments[depth], rules))
        depth++;
    return depth;
}
/**
 * The path of `absolutePath` below `folder`, `/`-separated ('' for the folder itself), or
 * undefined when it is not inside. Segment by segment, so `..foo` is inside and `C:` is not `D:`.
 */
function pathInside(folder, absolutePath, rules = paths_HOST_PATHS) {
    const outer = split(folder, rules);
    const inner = split(absolutePath, rules);
    if (sharedDepth(outer, inner, rules) !== outer.segments.length)
        return undefined;
    return inner.segments.slice(outer.segments.length).join('/');
}
function samePath(a, b, rules = paths_HOST_PATHS) {
    return pathKey(rules.path.normalize(a), rules) === pathKey(rules.path.normalize(b), rules);
}
/** An absolute path with `/` separators: `C:/out/a.zip`, `//server/share/a.zip`, `/tmp/a.zip`. */
function withSlashes(absolutePath, rules = paths_HOST_PATHS) {
    return rules.path.normalize(absolutePath).split(rules.path.sep).join('/');
}
/** How a file is shown in outputs, logs and the manifest: relative to the workspace, or absolute. */
function paths_reportedPath(workspace, absolutePath, rules = paths_HOST_PATHS) {
    const inside = pathInside(workspace, absolutePath, rules);
    return inside === undefined || inside === ''
        ? { path: withSlashes(absolutePath, rules), outside: true }
        : { path: inside, outside: false };
}
/**
 * The deepest folder that holds every one of the paths, or undefined when they are on
 * different drives or shares (Windows): then names start at the drive (see nameBelow).
 */
function commonAncestor(paths, rules = paths_HOST_PATHS) {
    if (paths.length === 0)
        return undefined;
    const first = split(paths[0], rules);
    let depth = first.segments.length;
    for (const other of paths.slice(1)) {
        const shared = sharedDepth(first, split(other, rules), rules);
        if (shared < 0)
            return undefined;
        depth = Math.min(depth, shared);
    }
    return first.root + first.segments.slice(0, depth).join(rules.path.sep);
}
/**
 * The `/`-separated name of `absolutePath` below `root`. Without a root (files on several
 * drives) the drive or share is the first part: `E:\out\a.zip` → `E/out/a.zip`,
 * `\\server\share\a.zip` → `server/share/a.zip`, as if one folder held every drive.
 */
function nameBelow(root, absolutePath, rules = paths_HOST_PATHS) {
    if (root !== undefined) {
        const inside = pathInside(root, absolutePath, rules);
        if (inside !== undefined && inside !== '')
            return inside;
    }
    const { root: drive, segments } = split(absolutePath, rules);
    const driveParts = drive.split(/[\\/:]+/).filter(Boolean);
    return [...driveParts, ...segments].join('/');
}
/**
 * Makes each relative line of `path` absolute under the workspace, as @actions/glob would
 * under the current directory: `!` exclusions and `#` comments kept, the workspace escaped
 * so that its own `*`, `?` or `[` match only themselves. Absolute lines and `~` lines are
 * left to @actions/glob; on Windows, `\x` is taken on the workspace's drive and `C:x` in the
 * workspace when it is on C:, as they would be with the workspace as the current directory.
 */
function anchorPatterns(patterns, workspace, rules = paths_HOST_PATHS) {
    const folder = rules.path.normalize(workspace);
    return patterns.map(line => anchorPattern(line, folder, rules));
}
function anchorPattern(line, workspace, rules) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#'))
        return line;
    const bangs = /^(?:!\s*)*/.exec(trimmed)[0];
    const pattern = trimmed.slice(bangs.length);
    const anchored = paths_anchor(pattern, workspace, rules);
    return anchored === undefined ? line : `${bangs.replace(/\s/g, '')}${anchored}`;
}
/** The pattern made absolute, or undefined to leave it as it is. */
function paths_anchor(pattern, workspace, rules) {
    if (pattern === '' || pattern === '~' || /^~[\\/]/.test(pattern))
        return undefined;
    if (!paths_isWindows(rules))
        return pattern.startsWith('/') ? undefined : below(workspace, pattern, rules);
    if (/^[\\/]{2}/.test(pattern) || /^[A-Za-z]:[\\/]/.test(pattern))
        return undefined;
    const drive = rules.path.parse(workspace).root;
    if (/^[\\/]/.test(pattern))
        return below(drive, pattern.replace(/^[\\/]+/, ''), rules);
    const driveRelative = /^([A-Za-z]):(.*)$/s.exec(pattern);
    if (driveRelative === null)
        return below(workspace, pattern, rules);
    const [, letter, rest] = driveRelative;
    const sameDrive = pathKey(`${letter}:`, rules) === pathKey(drive.slice(0, 2), rules);
    return below(sameDrive ? workspace : `${letter}:\\`, rest, rules);
}
/** `folder` escaped for a glob, then the relative pattern, without a leading `./`. */
function below(folder, pattern, rules) {
    const dotSlash = paths_isWindows(rules) ? /^\.(?:[\\/]+|$)/ : /^\.(?:\/+|$)/;
    let rest = pattern;
    while (dotSlash.test(rest))
        rest = rest.replace(dotSlash, '');
    const prefix = globEscape(folder, rules);
    if (rest === '')
        return prefix;
    return prefix.endsWith(rules.path.sep) ? prefix + rest : prefix + rules.path.sep + rest;
}
function paths_isWindows(rules) {
    return rules.path.sep === '\\';
}
/** As @actions/glob escapes a literal path: `*`, `?` and `[` match only themselves. */
function globEscape(literal, rules = paths_HOST_PATHS) {
    const escaped = paths_isWindows(rules) ? literal : literal.replace(/\\/g, '\\\\');
    return escaped.replace(/\[/g, '[[]').replace(/\?/g, '[?]').replace(/\*/g, '[*]');
}

;// CONCATENATED MODULE: ./src/literal-search.ts


function foundStat(info) {
    return { isFile: info.isFile(), size: info.size, mtimeMs: info.mtimeMs };
}
/** Longer lines go to @actions/glob (see literalLines): far above any path's length (4 KiB on Linux). */
const MAX_PLAIN_LINE = 16 * 1024;
/**
 * The lines of `pattern` (as anchorPatterns wrote them: absolute) when every one is a plain
 * path, or one followed by `/**`, each maybe after `!`; otherwise undefined. With the action's
 * options @actions/glob's search paths are then those of the lines without `!`, and a line
 * covers exactly its path and everything below it (`X/**` matches X itself, file or folder,
 * and all below, as X does with its implicit descendants); of the lines that cover an entry,
 * the last decides. Anything else (a wildcard or character set, a trailing separator that
 * asks for folders only, a `.` or `..` segment that @actions/glob refuses, a `\` that it
 * takes as an escape outside Windows, and on Windows an exclusion, which it compares without
 * regard to case) is left to @actions/glob.
 */
function literalLines(pattern, rules) {
    const windows = rules.path.sep === '\\';
    const separators = windows ? /[\\/]+/ : /\/+/;
    const lines = [];
    // Lines as @actions/glob splits them.
    const text = windows ? pattern.replace(/\r\n?/g, '\n') : pattern;
    for (const raw of text.split('\n')) {
        let line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        // No path is this long; minimatch refuses patterns of 64 Ki characters, and @actions/glob
        // adds `/**` to a line: left to it, so that it fails as it always did.
        if (line.length > MAX_PLAIN_LINE)
            return undefined;
        let exclude = false;
        while (line.startsWith('!')) {
            exclude = !exclude;
            line = line.slice(1).trim();
        }
        if (exclude && windows)
            return undefined;
        line = line.replace(windows ? /(?<=[^\\/])[\\/]\*\*$/ : /(?<=[^/])\/\*\*$/, '');
        if (/[*?[!]/.test(line) || (!windows && line.includes('\\')))
            return undefined;
        if (windows ? !/^[A-Za-z]:[\\/]/.test(line) : !line.startsWith('/'))
            return undefined;
        if (line.endsWith('/') || line.endsWith(rules.path.sep))
            return undefined;
        if (line.split(separators).some(segment => segment === '.' || segment === '..'))
            return undefined;
        lines.push({ path: rules.path.normalize(line), exclude });
    }
    return lines.length > 0 ? lines : undefined;
}
/**
 * The rules of plain-path lines, without pattern matching: a line covers its path and all
 * below it; of the lines that cover an entry, the last decides.
 */
class LiteralRules {
    lines;
    excludes;
    includes;
    sep;
    constructor(lines, rules) {
        this.lines = lines;
        this.sep = rules.path.sep;
        this.excludes = lines.some(line => line.exclude);
        this.includes = lines.filter(line => !line.exclude).map(line => line.path);
    }
    /** Every entry the walk reaches is below a line without `!`: only exclusions can leave it out. */
    takes(itemPath) {
        if (!this.excludes)
            return true;
        for (let i = this.lines.length - 1; i >= 0; i--) {
            const { path, exclude } = this.lines[i];
            if (this.isAtOrBelow(itemPath, path))
                return !exclude;
        }
        return false;
    }
    /** A folder a `!` line leaves out is entered only on the way to a line below it. */
    enters(folder) {
        return this.takes(folder) || this.includes.some(path => this.isBelow(path, folder));
    }
    /**
     * A line names the hidden parts of the path at or above its own path; what lies below it is
     * named only when nothing there is hidden. A folder on the way to a line is named too.
     */
    namesHidden(itemPath, isFolder) {
        return this.includes.some(path => (this.isAtOrBelow(itemPath, path) && !hasHiddenSegment(itemPath.slice(path.length), this.sep)) ||
            (isFolder && this.isBelow(path, itemPath)));
    }
    isAtOrBelow(itemPath, folder) {
        return itemPath === folder || this.isBelow(itemPath, folder);
    }
    isBelow(itemPath, folder) {
        return itemPath.startsWith(folder) && itemPath[folder.length] === this.sep && itemPath.length > folder.length + 1;
    }
}
function hasHiddenSegment(relative, sep) {
    return relative.split(sep).some(isHiddenName);
}
/** A hidden file or folder, as upload-artifact and most tools take it: its name starts with `.`. */
function isHiddenName(name) {
    return name.startsWith('.');
}
/**
 * Walks the search paths (@actions/glob's) depth first, as @actions/glob's globber does: a
 * missing search path is skipped; each entry is stat'ed through links; a folder whose real path
 * is already on the chain of folders above it (a link back up) is not entered again; an entry
 * gone by the time it is stat'ed is skipped. What it must not take in it leaves out and says
 * so (see SearchResult): hidden names no line spells out, links out of the workspace, entries
 * that are not regular files, and entries it cannot look at, which stopped @actions/glob's walk
 * and the whole run. Any other error (a folder it may not read) is thrown with its code and
 * path: the set of files could not be complete. Synchronous, as findFiles' stat calls are:
 * nothing else runs yet.
 */
function walkSearchPaths(searchPaths, search, rules, options) {
    const found = {
        matches: new Map(),
        brokenLinks: [],
        hidden: [],
        linksOut: [],
        special: [],
        unreachable: []
    };
    const inside = (itemPath) => pathInside(options.workspace.given, itemPath, rules) !== undefined ||
        pathInside(options.workspace.real, itemPath, rules) !== undefined;
    const stack = [];
    for (const searchPath of searchPaths) {
        if (lstatOrMissing(searchPath) !== undefined) {
            stack.unshift({ path: searchPath, level: 1, viaLink: false, isLink: true, hidden: false });
        }
    }
    const chain = [];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
        const taken = search.takes(item.path);
        const entered = search.enters(item.path);
        if (!taken && !entered)
            continue;
        const info = statOrLeftOut(item, taken, found);
        if (info === undefined)
            continue;
        const isFolder = info.isDirectory();
        if (item.hidden && !options.includeHidden && !search.namesHidden(item.path, isFolder)) {
            if (isFolder ? entered : taken)
                found.hidden.push(isFolder ? item.path + rules.path.sep : item.path);
            continue;
        }
        if (!isFolder && !info.isFile()) {
            if (taken)
                found.special.push({ path: item.path, kind: kindOf(info) });
            continue;
        }
        if (item.isLink && inside(item.path)) {
            const target = external_node_fs_namespaceObject.realpathSync.native(item.path);
            if (!inside(target)) {
                if (isFolder ? entered : taken)
                    found.linksOut.push({ path: item.path, target });
                continue;
            }
        }
        if (!isFolder) {
            if (taken)
                found.matches.set(item.path, foundStat(info));
            continue;
        }
        if (!entered)
            continue;
        const realPath = external_node_fs_namespaceObject.realpathSync.native(item.path);
        while (chain.length >= item.level)
            chain.pop();
        if (chain.includes(realPath))
            continue;
        chain.push(realPath);
        const viaLink = item.viaLink || (0,external_node_fs_namespaceObject.lstatSync)(item.path).isSymbolicLink();
        const children = readFolder(item.path, rules, search, found);
        for (let i = children.length - 1; i >= 0; i--) {
            const child = children[i];
            stack.push({
                path: rules.path.join(item.path, child.name),
                level: item.level + 1,
                viaLink,
                isLink: child.isSymbolicLink(),
                hidden: item.hidden || isHiddenName(child.name)
            });
        }
    }
    return found;
}
/**
 * The entry's stat through links, or undefined when there is nothing to take: a broken link
 * (named when a walk that does not follow links would see it), an entry gone since its folder
 * was read, or a link that loops, which is named and left out.
 */
function statOrLeftOut(item, taken, found) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(item.path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP') {
            found.unreachable.push({ path: item.path, matched: taken, reason: 'a symbolic link that loops (ELOOP)' });
            return undefined;
        }
        if (code !== 'ENOENT')
            throw error;
        if (!item.viaLink && taken && lstatOrMissing(item.path)?.isSymbolicLink())
            found.brokenLinks.push(item.path);
        return undefined;
    }
}
/**
 * The entries of a folder. A name that is not valid UTF-8 comes back from readdir with U+FFFD
 * in place of its bad bytes, which names no file: it is left out and named with its bytes
 * escaped (the name as the folder holds it is read again, as bytes, only then).
 */
function readFolder(folder, rules, search, found) {
    const entries = (0,external_node_fs_namespaceObject.readdirSync)(folder, { withFileTypes: true });
    if (!entries.some(entry => entry.name.includes('\uFFFD')))
        return entries;
    const badNames = (0,external_node_fs_namespaceObject.readdirSync)(folder, { encoding: 'buffer' }).filter(name => !isUtf8(name));
    for (const name of badNames) {
        found.unreachable.push({
            path: rules.path.join(folder, escapeNameBytes(name)),
            matched: search.takes(rules.path.join(folder, name.toString('utf8'))),
            reason: 'its name is not valid UTF-8, so it cannot be named in the outputs or on Netiks'
        });
    }
    const lost = new Set(badNames.map(name => name.toString('utf8')));
    return entries.filter(entry => !lost.has(entry.name));
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes) {
    try {
        strictUtf8.decode(bytes);
        return true;
    }
    catch {
        return false;
    }
}
/** The name with each byte that is not part of valid UTF-8 written as \xHH: `bad\xff\xfe.txt`. */
function escapeNameBytes(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length;) {
        const length = utf8Length(bytes[i]);
        const sequence = bytes.subarray(i, i + length);
        if (length > 0 && sequence.length === length && isUtf8(sequence)) {
            text += sequence.toString('utf8');
            i += length;
        }
        else {
            text += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
            i++;
        }
    }
    return text;
}
/** The length of the UTF-8 sequence a byte starts, or 0 for a byte that starts none. */
function utf8Length(lead) {
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead < 0xe0)
        return 2;
    if (lead >= 0xe0 && lead < 0xf0)
        return 3;
    if (lead >= 0xf0 && lead < 0xf5)
        return 4;
    return 0;
}
/** What an entry that is neither a file nor a folder is, for a message. */
function kindOf(info) {
    if (info.isFIFO())
        return 'a FIFO';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice())
        return 'a character device';
    if (info.isBlockDevice())
        return 'a block device';
    return 'not a regular file';
}
function lstatOrMissing(itemPath) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(itemPath);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/patterns.ts



class GlobRules {
    rules;
    lines;
    includes;
    constructor(pattern, rules) {
        this.rules = rules;
        const windows = rules.path.sep === '\\';
        const text = windows ? pattern.replace(/\r\n?/g, '\n') : pattern;
        this.lines = text
            .split('\n')
            .map(line => line.trim())
            .filter(line => line !== '' && !line.startsWith('#'))
            .map(line => parseLine(line, rules));
        this.includes = this.lines.filter(line => !line.negate);
    }
    takes(itemPath) {
        const parts = this.split(itemPath);
        let taken = false;
        for (const line of this.lines) {
            if (covers(line, parts, false))
                taken = !line.negate;
        }
        return taken;
    }
    /** Not a folder that a `!` line leaves out, unless a later line may take in something below it. */
    enters(folder) {
        const parts = this.split(folder);
        let from = 0;
        this.lines.forEach((line, index) => {
            if (line.negate && covers({ ...line, foldersOnly: false }, parts, false))
                from = index + 1;
        });
        return this.lines
            .slice(from)
            .some(line => !line.negate && matchFrom(line.segments, 0, parts, 0, { partial: true, strict: false, below: true }));
    }
    namesHidden(itemPath, isFolder) {
        const parts = this.split(itemPath);
        return this.includes.some(line => covers(line, parts, true) ||
            (isFolder && matchFrom(line.segments, 0, parts, 0, { partial: true, strict: true, below: true })));
    }
    split(itemPath) {
        return this.rules.path.sep === '\\' ? itemPath.split(/[\\/]+/) : itemPath.split(/\/+/);
    }
}
/** The line matches the path itself, or (implicit descendants) a folder above it. */
function covers(line, parts, strict) {
    if (!line.foldersOnly && matchFrom(line.segments, 0, parts, 0, { partial: false, strict, below: false }))
        return true;
    return matchFrom(line.segments, 0, parts, 0, { partial: false, strict, below: true });
}
function parseLine(raw, rules) {
    let negate = false;
    let line = raw;
    while (line.startsWith('!')) {
        negate = !negate;
        line = line.slice(1).trim();
    }
    const windows = rules.path.sep === '\\';
    if (line === '~' || /^~[\\/]/.test(line))
        line = globEscape(external_node_os_default().homedir(), rules) + line.slice(1);
    line = windows ? line.replace(/[\\/]+/g, '\\') : line.replace(/\/+/g, '/');
    const root = rules.path.parse(line.replace(/[*?[].*$/s, '')).root;
    const foldersOnly = line.length > root.length && line.endsWith(rules.path.sep);
    if (foldersOnly)
        line = line.slice(0, -1);
    const matcher = new Minimatch(windows ? line.replace(/\\/g, '/') : line, {
        dot: true,
        nobrace: true,
        nocase: rules.caseInsensitive && windows,
        nocomment: true,
        noext: true,
        nonegate: true
    });
    return { negate, segments: matcher.set[0], foldersOnly };
}
function isHidden(name) {
    return name.startsWith('.');
}
/** Whether `parts[p…]` matches `segments[s…]`: minimatch's matchOne, with the modes above. */
function matchFrom(segments, s, parts, p, mode) {
    for (; s < segments.length; s++, p++) {
        const segment = segments[s];
        if (segment === GLOBSTAR) {
            for (let next = p; next <= parts.length; next++) {
                if (matchFrom(segments, s + 1, parts, next, mode))
                    return true;
                if (next < parts.length && !globstarTakes(parts[next], mode))
                    return false;
            }
            return false;
        }
        if (p === parts.length)
            return mode.partial;
        const name = parts[p];
        if (typeof segment === 'string') {
            if (segment !== name)
                return false;
        }
        else if ((mode.strict && isHidden(name)) || !segment.test(name)) {
            return false;
        }
    }
    if (p === parts.length)
        return !mode.below || mode.partial;
    if (!mode.below)
        return false;
    for (; p < parts.length; p++)
        if (!globstarTakes(parts[p], mode))
            return false;
    return true;
}
/** What `**` (and implicit descendants) may go through: never `.` or `..`, nor a hidden name when strict. */
function globstarTakes(name, mode) {
    return name !== '.' && name !== '..' && !(mode.strict && isHidden(name));
}

;// CONCATENATED MODULE: ./src/files.ts









/**
 * Resolves newline-separated globs (with `!` exclusions) into regular files: relative patterns
 * start at the workspace, whatever the current directory; directories stand for every file
 * beneath them, duplicates collapse, and the result is sorted by reported path so outputs are
 * in a stable order. What it leaves out it returns, to be said (see FoundFiles). Throws an
 * InputError naming every matched file that cannot be read, so that nothing is uploaded from a
 * set that cannot be complete.
 */
async function findFiles(patterns, workspace, rules = paths_HOST_PATHS, options = {}) {
    const pattern = anchorPatterns(patterns, workspace, rules).join('\n');
    const real = realWorkspace(workspace);
    const { found, searchPaths } = await matchPaths(pattern, rules, {
        search: options.search ?? 'auto',
        includeHidden: options.includeHidden ?? false,
        workspace: { given: workspace, real }
    });
    const files = [];
    const outside = [];
    const unreadable = [];
    // Synchronous on purpose: nothing else runs yet, and a thousand access calls take milliseconds
    // this way instead of a round trip through the thread pool each.
    const baseOf = workspaceSpellings(workspace, real, rules);
    const shown = (absolutePath) => paths_reportedPath(baseOf(absolutePath), absolutePath, rules).path;
    for (const [absolutePath, info] of found.matches) {
        try {
            (0,external_node_fs_namespaceObject.accessSync)(absolutePath, external_node_fs_namespaceObject.constants.R_OK);
            const where = paths_reportedPath(baseOf(absolutePath), absolutePath, rules);
            files.push(fileAt(absolutePath, where.path, info.size, info.mtimeMs, rules));
            if (where.outside)
                outside.push(where.path);
        }
        catch (error) {
            unreadable.push(`${shown(absolutePath)} (${error.code ?? 'unreadable'})`);
        }
    }
    if (unreadable.length > 0) {
        throw new InputError(`Cannot read ${countOf(unreadable.length, 'matched file')}: ` +
            `${listSome(unreadable)}. ` +
            "Fix their permissions, or exclude them with a ! pattern in 'path'.");
    }
    const byPath = (a, b) => compareText(a.path, b.path);
    return {
        files: files.sort((a, b) => compareText(a.relativePath, b.relativePath)),
        brokenLinks: found.brokenLinks.map(shown).sort(compareText),
        outside: outside.sort(compareText),
        hidden: found.hidden.map(entry => shownFolderOrFile(entry, shown, rules)).sort(compareText),
        linksOut: found.linksOut
            .map(link => ({ path: shown(link.path), target: withSlashes(link.target, rules) }))
            .sort(byPath),
        special: found.special.map(entry => ({ ...entry, path: shown(entry.path) })).sort(byPath),
        unreachable: found.unreachable.map(entry => ({ ...entry, path: shown(entry.path) })).sort(byPath),
        root: namingRoot(searchPaths, rules)
    };
}
/** A left-out folder keeps the separator that marks it as one, as `/`. */
function shownFolderOrFile(entry, shown, rules) {
    return entry.endsWith(rules.path.sep) ? `${shown(entry.slice(0, -1))}/` : shown(entry);
}
/** The workspace's real path: a self-hosted runner's work folder is often reached through a link. */
function realWorkspace(workspace) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(workspace);
    }
    catch {
        // A workspace that cannot be resolved is only ever spelled one way.
        return workspace;
    }
}
/**
 * The workspace to report a path against: the workspace as given, or, when it is reached
 * through a symbolic link (a self-hosted runner's work folder often is), its real path for a
 * path spelled through the link's target, which is inside the workspace too.
 */
function workspaceSpellings(workspace, real, rules) {
    if (real === workspace)
        return () => workspace;
    return absolutePath => paths_reportedPath(workspace, absolutePath, rules).outside && !paths_reportedPath(real, absolutePath, rules).outside
        ? real
        : workspace;
}
/** The least common ancestor of the search paths; one that names a file stands for its folder. */
function namingRoot(searchPaths, rules) {
    const folders = searchPaths.map(searchPath => {
        try {
            return (0,external_node_fs_namespaceObject.statSync)(searchPath).isFile() ? rules.path.dirname(searchPath) : searchPath;
        }
        catch {
            return searchPath;
        }
    });
    return commonAncestor(folders, rules);
}
/** @actions/glob's options, for its checks of the patterns and its search paths. */
const GLOB_OPTIONS = {
    implicitDescendants: true,
    matchDirectories: false,
    followSymbolicLinks: true,
    omitBrokenSymbolicLinks: true
};
/**
 * One walk of the search paths that @actions/glob gives for the patterns (made only for those,
 * and its checks of the patterns: it walks nothing), with the rules of plain paths where every
 * line is one, else with the patterns matched as @actions/glob matches them.
 */
async function matchPaths(pattern, rules, options) {
    const searchPaths = (await create(pattern, GLOB_OPTIONS)).getSearchPaths();
    const lines = options.search === 'auto' ? literalLines(pattern, rules) : undefined;
    const search = lines !== undefined ? new LiteralRules(lines, rules) : new GlobRules(pattern, rules);
    try {
        return { found: walkSearchPaths(searchPaths, search, rules, options), searchPaths };
    }
    catch (error) {
        throw searchError(error);
    }
}
function describeFile(absolutePath, size, workspace, mtimeMs, rules = HOST_PATHS) {
    return fileAt(absolutePath, reportedPath(workspace, absolutePath, rules).path, size, mtimeMs, rules);
}
function fileAt(absolutePath, relativePath, size, mtimeMs, rules) {
    const name = rules.path.basename(absolutePath);
    return { absolutePath, relativePath, name, size, mtimeMs, contentType: contentTypeFor(name) };
}
/** A file system error met while searching, as an InputError; anything else as it is. */
function searchError(error) {
    const { code, path: where } = error;
    if (code === undefined)
        return error;
    return new InputError(`Cannot search ${where ?? 'a matched directory'} for files (${code}). Fix its permissions, ` +
        "or leave it out with a ! line in 'path': every folder a pattern can reach (all below a " +
        'folder it names, or below a **) is searched unless a ! line excludes it.');
}
/**
 * Sets the name each file is sent under: its base name, or its path below `root` (see
 * FoundFiles.root), always `/`-separated. Reports names that clash — compared as the file
 * system compares names — since Netiks would then hold several assets of one name. Linear in
 * the number of files.
 */
function nameAssets(files, naming, root, rules = paths_HOST_PATHS) {
    const named = naming === AssetNaming.Relative
        ? files.map(file => ({ ...file, name: nameBelow(root, file.absolutePath, rules) }))
        : files;
    // The first file of each name is kept as the file itself: a clash is made only for a second one,
    // so 100,000 distinct names cost one map entry each, not an entry, an object and an array.
    const byName = new Map();
    for (const file of named) {
        const key = pathKey(file.name, rules);
        const seen = byName.get(key);
        if (seen === undefined)
            byName.set(key, file);
        else if ('paths' in seen)
            seen.paths.push(file.relativePath);
        else
            byName.set(key, { name: seen.name, paths: [seen.relativePath, file.relativePath] });
    }
    const clashes = [];
    for (const entry of byName.values())
        if ('paths' in entry)
            clashes.push(entry);
    return { files: named, clashes };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/shard.ts
/**
 * Sharding: splitting one sync across the jobs of a matrix. Each file belongs to exactly one
 * shard, chosen by a hash of its workspace-relative path alone, so the partition is the same on
 * every runner and every run, and adding or removing a file never moves another.
 */



/** Reads `INDEX/TOTAL`; empty means no sharding. Throws an InputError that says what to write. */
function parseShard(raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
    const usage = `Input '${Input.Shard}' must be INDEX/TOTAL such as 0/4 (from \${{ strategy.job-index }}/\${{ strategy.job-total }}), ` +
        `with INDEX counted from 0 and TOTAL from 1 to ${MAX_SHARDS}`;
    if (!match)
        throw new InputError(`${usage}; got "${text}".`);
    const index = Number(match[1]);
    const total = Number(match[2]);
    if (!Number.isSafeInteger(total) || total < 1 || total > MAX_SHARDS) {
        throw new InputError(`${usage}; got "${text}", whose TOTAL is out of range.`);
    }
    if (!Number.isSafeInteger(index) || index >= total) {
        throw new InputError(`${usage}; got "${text}": INDEX must be less than TOTAL (0 to ${total - 1}), as strategy.job-index is.`);
    }
    return { index, total };
}
/**
 * The shard (0 to total - 1) a path belongs to: the first four bytes of the SHA-256 of its
 * UTF-8 bytes (in Unicode NFC, so a macOS file system that hands out decomposed names agrees
 * with Linux), as a big-endian number, modulo total. Reproducible in a shell:
 * `printf %s "$path" | sha256sum | cut -c1-8`, then that hex number modulo TOTAL.
 */
function shardOf(relativePath, total) {
    const digest = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(relativePath.normalize('NFC'), 'utf8').digest();
    return digest.readUInt32BE(0) % total;
}
/**
 * The files of this shard, in their order, and the line that says so in the log; every file
 * and no line without sharding. The files come named: names (and clashes) are decided over
 * every matched file, so a file's name does not depend on which shard sends it.
 */
function takeShard(files, shard) {
    if (shard === undefined)
        return { files };
    const mine = files.filter(file => shardOf(file.relativePath, shard.total) === shard.index);
    const none = mine.length === 0 ? '; nothing to upload in this shard' : '';
    return {
        files: mine,
        line: `Shard ${shard.index}/${shard.total}: ${mine.length} of ${files.length} matched files${none}.`
    };
}

;// CONCATENATED MODULE: ./src/inputs.ts




/** Reads and validates every input; throws one InputError naming the first bad one. */
function getInputs() {
    const rawKey = getInput(Input.ApiKey);
    // A key given to a dry run is still checked: the same workflow will upload with it later.
    const credentials = parseBoolean(Input.DryRun, getInput(Input.DryRun), false)
        ? { dryRun: true, apiKey: rawKey.trim() === '' ? undefined : parseApiKey(rawKey) }
        : { dryRun: false, apiKey: parseApiKey(rawKey) };
    return {
        ...credentials,
        patterns: parsePatterns(getInput(Input.Path)),
        mode: parseEnum(Input.Mode, getInput(Input.Mode), UploadMode, UploadMode.Auto),
        baseUrl: parseBaseUrl(getInput(Input.BaseUrl), parseBoolean(Input.AllowInsecureHttp, getInput(Input.AllowInsecureHttp), false)),
        concurrency: parseInteger(Input.Concurrency, getInput(Input.Concurrency), {
            min: 1,
            max: MAX_CONCURRENCY,
            fallback: DEFAULT_CONCURRENCY
        }),
        ifNoFilesFound: parseEnum(Input.IfNoFilesFound, getInput(Input.IfNoFilesFound), NoFileOption, NoFileOption.Error),
        retries: parseInteger(Input.Retries, getInput(Input.Retries), {
            min: 0,
            max: MAX_RETRIES,
            fallback: DEFAULT_RETRIES
        }),
        failFast: parseBoolean(Input.FailFast, getInput(Input.FailFast), false),
        assetName: parseEnum(Input.AssetName, getInput(Input.AssetName), AssetNaming, AssetNaming.Basename),
        manifest: getInput(Input.Manifest).trim(),
        shard: parseShard(getInput(Input.Shard)),
        includeHiddenFiles: parseBoolean(Input.IncludeHiddenFiles, getInput(Input.IncludeHiddenFiles), false)
    };
}
function getTuning(env = process.env) {
    return {
        stallTimeoutMs: positiveInteger(env.NETIKS_STALL_TIMEOUT_MS) ?? DEFAULT_STALL_TIMEOUT_MS,
        retryBaseMs: positiveInteger(env.NETIKS_RETRY_BASE_MS) ?? DEFAULT_RETRY_BASE_MS,
        progressIntervalMs: positiveInteger(env.NETIKS_PROGRESS_INTERVAL_MS) ?? DEFAULT_PROGRESS_INTERVAL_MS,
        recordsInMemory: wholeNumber(env.NETIKS_RECORDS_IN_MEMORY) ?? DEFAULT_RECORDS_IN_MEMORY
    };
}
function positiveInteger(text) {
    const value = wholeNumber(text);
    return value !== undefined && value > 0 ? value : undefined;
}
function wholeNumber(text) {
    const value = Number(text);
    return text && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
function parseApiKey(raw) {
    const key = raw.trim();
    if (key === '') {
        throw new InputError(`Input '${Input.ApiKey}' is empty. Pass your Netiks API key from a secret, ` +
            `e.g. "${Input.ApiKey}: \${{ secrets.NETIKS_API_KEY }}". Secrets are not available ` +
            'to workflows triggered from forks: run those against the local emulator instead, or ' +
            `set "${Input.DryRun}: true" to see the plan, which needs no key.`);
    }
    if ([...key].some(char => /\s/.test(char) || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
        throw new InputError(`Input '${Input.ApiKey}' contains white space or control characters, so it cannot be ` +
            'a Netiks API key. Check that the secret holds only the key.');
    }
    return key;
}
function parsePatterns(raw) {
    const patterns = raw
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
    if (!patterns.some(pattern => !pattern.startsWith('!'))) {
        throw new InputError(`Input '${Input.Path}' has no pattern to include. Give one or more globs, one per ` +
            'line, e.g. "dist/**/*.zip"; lines starting with ! exclude.');
    }
    return patterns;
}
/**
 * The API root every endpoint path follows: an origin, or a path a reverse proxy serves the API
 * under. Plain http only to this machine, unless `allowInsecureHttp`: the api key goes in a
 * header of every API call.
 */
function parseBaseUrl(raw, allowInsecureHttp = false) {
    const text = raw.trim() || DEFAULT_BASE_URL;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new InputError(`Input '${Input.BaseUrl}' is not a URL: "${text}". Use an http(s) URL such as ${DEFAULT_BASE_URL}.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new InputError(`Input '${Input.BaseUrl}' must be an http or https URL, not ${url.protocol}// ("${text}").`);
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new InputError(`Input '${Input.BaseUrl}' must not carry credentials, a query or a fragment: give only ` +
            `scheme, host and optional path, such as ${DEFAULT_BASE_URL}.`);
    }
    if (/\/api\/v1(\/|$)/i.test(url.pathname)) {
        throw new InputError(`Input '${Input.BaseUrl}' holds /api/v1 ("${text}"): give the URL without it, as the action adds ` +
            `/api/v1/assets/… itself, such as ${DEFAULT_BASE_URL} (or https://proxy.example/netiks behind a reverse proxy).`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !allowInsecureHttp) {
        throw new InputError(`Input '${Input.BaseUrl}' is plain http to ${url.host}, which is not this machine: the api key would ` +
            `travel unencrypted, readable by anyone on the way. Use https. Only for a private test server on a ` +
            `network you trust, set "${Input.AllowInsecureHttp}: true" to allow it.`);
    }
    return url.href.replace(/\/+$/, '');
}
/**
 * Whether a URL's host (as URL parsing writes it) is this machine for certain: 127.0.0.0/8 in
 * any spelling the parser reads (127.1, 0x7f.1), ::1, IPv4-mapped 127.x (::ffff:7fxx:…), and
 * `localhost`. Not `localhost.`: that name is looked up in DNS rather than the hosts file, and
 * not a name that merely resolves to 127.0.0.1 (127.0.0.1.nip.io), which DNS could change.
 */
function isLoopbackHost(hostname) {
    return (hostname === 'localhost' ||
        hostname === '[::1]' ||
        /^127\.\d+\.\d+\.\d+$/.test(hostname) ||
        /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(hostname));
}
function parseInteger(name, raw, limits) {
    const text = raw.trim();
    if (text === '')
        return limits.fallback;
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < limits.min || value > limits.max) {
        throw new InputError(`Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, got "${text}".`);
    }
    return value;
}
function parseEnum(name, raw, choices, fallback) {
    const text = raw.trim().toLowerCase();
    if (text === '')
        return fallback;
    const allowed = Object.values(choices);
    const match = allowed.find(choice => choice === text);
    if (match === undefined) {
        throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')}; got "${raw.trim()}".`);
    }
    return match;
}
/** YAML 1.2 core-schema booleans, as core.getBooleanInput reads them. */
function parseBoolean(name, raw, fallback) {
    const text = raw.trim();
    if (text === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw new InputError(`Input '${name}' must be true or false, got "${text}".`);
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/json-syntax.ts
var State;
(function (State) {
    /** A value: at the top, after a colon, after a comma in an array. */
    State[State["Value"] = 0] = "Value";
    /** The first value of an array, or its end. */
    State[State["ValueOrClose"] = 1] = "ValueOrClose";
    /** The first key of an object, or its end. */
    State[State["KeyOrClose"] = 2] = "KeyOrClose";
    /** A key, after a comma in an object. */
    State[State["Key"] = 3] = "Key";
    State[State["Colon"] = 4] = "Colon";
    /** A comma or the container's end. */
    State[State["AfterValue"] = 5] = "AfterValue";
    State[State["String"] = 6] = "String";
    State[State["Escape"] = 7] = "Escape";
    State[State["Hex"] = 8] = "Hex";
    State[State["Literal"] = 9] = "Literal";
    State[State["Minus"] = 10] = "Minus";
    State[State["Zero"] = 11] = "Zero";
    State[State["Integer"] = 12] = "Integer";
    State[State["Dot"] = 13] = "Dot";
    State[State["Fraction"] = 14] = "Fraction";
    State[State["Exponent"] = 15] = "Exponent";
    State[State["ExponentSign"] = 16] = "ExponentSign";
    State[State["ExponentDigits"] = 17] = "ExponentDigits";
    /** After the top value: only white space. */
    State[State["End"] = 18] = "End";
})(State || (State = {}));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
/** `"` `\` `/` `b` `f` `n` `r` `t`: what may follow a backslash, besides `u`. */
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const LITERALS = new Map([
    [0x74, 'rue'],
    [0x66, 'alse'],
    [0x6e, 'ull']
]);
/** The states in which a number may end. */
const NUMBER_ENDS = new Set([State.Zero, State.Integer, State.Fraction, State.ExponentDigits]);
/**
 * Finds where a text, given in pieces of bytes, first departs from JSON's grammar (RFC 8259),
 * as JSON.parse would refuse it: the offset of the first byte that cannot be there, or the end
 * of a text cut short. It says where, never what: the text may be anything (a token file a link
 * points to), and what it holds must not reach the log. Bytes of 0x80 and above are taken
 * inside strings (as JSON.parse takes what UTF-8 decoding makes of them) and nowhere else.
 */
class JsonSyntaxCheck {
    state = State.Value;
    /** The closing byte each open container waits for. */
    closers = [];
    inKey = false;
    hexLeft = 0;
    literal = '';
    literalAt = 0;
    offset = 0;
    line = 1;
    departure;
    /** Checks the next bytes of the text; returns where it departs from JSON, once it has. */
    push(bytes) {
        if (this.departure !== undefined)
            return this.departure;
        for (const byte of bytes) {
            if (!this.step(byte)) {
                this.departure = { offset: this.offset, line: this.line };
                return this.departure;
            }
            if (byte === 0x0a)
                this.line++;
            this.offset++;
        }
        return undefined;
    }
    /** The text has ended: where it departs from JSON, or undefined when it is JSON. */
    end() {
        if (this.departure !== undefined)
            return this.departure;
        const complete = this.state === State.End || (this.closers.length === 0 && NUMBER_ENDS.has(this.state));
        return complete ? undefined : { offset: this.offset, line: this.line };
    }
    step(byte) {
        switch (this.state) {
            case State.String:
                if (byte === QUOTE)
                    this.state = this.inKey ? State.Colon : this.afterValue();
                else if (byte === BACKSLASH)
                    this.state = State.Escape;
                return byte >= 0x20;
            case State.Escape:
                if (byte === 0x75) {
                    this.state = State.Hex;
                    this.hexLeft = 4;
                    return true;
                }
                this.state = State.String;
                return ESCAPES.has(byte);
            case State.Hex:
                if (--this.hexLeft === 0)
                    this.state = State.String;
                return isHex(byte);
            case State.Literal:
                if (byte !== this.literal.charCodeAt(this.literalAt))
                    return false;
                if (++this.literalAt === this.literal.length)
                    this.state = this.afterValue();
                return true;
            case State.Minus:
            case State.Zero:
            case State.Integer:
            case State.Dot:
            case State.Fraction:
            case State.Exponent:
            case State.ExponentSign:
            case State.ExponentDigits:
                return this.number(byte);
            default:
                return isSpace(byte) || this.structure(byte);
        }
    }
    structure(byte) {
        switch (this.state) {
            case State.ValueOrClose:
                return byte === CLOSE_BRACKET ? this.close(byte) : this.startValue(byte);
            case State.Value:
                return this.startValue(byte);
            case State.KeyOrClose:
                if (byte === CLOSE_BRACE)
                    return this.close(byte);
                return this.startKey(byte);
            case State.Key:
                return this.startKey(byte);
            case State.Colon:
                this.state = State.Value;
                return byte === COLON;
            case State.AfterValue:
                if (byte !== COMMA)
                    return this.close(byte);
                this.state = this.closers.at(-1) === CLOSE_BRACE ? State.Key : State.Value;
                return true;
            default:
                return false;
        }
    }
    startKey(byte) {
        this.inKey = true;
        this.state = State.String;
        return byte === QUOTE;
    }
    startValue(byte) {
        if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
            this.closers.push(byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
            this.state = byte === OPEN_BRACE ? State.KeyOrClose : State.ValueOrClose;
        }
        else if (byte === QUOTE) {
            this.inKey = false;
            this.state = State.String;
        }
        else if (byte === MINUS)
            this.state = State.Minus;
        else if (byte === 0x30)
            this.state = State.Zero;
        else if (isDigit(byte))
            this.state = State.Integer;
        else if (LITERALS.has(byte)) {
            this.literal = LITERALS.get(byte);
            this.literalAt = 0;
            this.state = State.Literal;
        }
        else
            return false;
        return true;
    }
    close(byte) {
        if (this.closers.at(-1) !== byte)
            return false;
        this.closers.pop();
        this.state = this.afterValue();
        return true;
    }
    afterValue() {
        return this.closers.length === 0 ? State.End : State.AfterValue;
    }
    /** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; the byte after it is read as structure. */
    number(byte) {
        const digit = isDigit(byte);
        const exponent = byte === 0x65 || byte === 0x45;
        switch (this.state) {
            case State.Minus:
                this.state = byte === 0x30 ? State.Zero : State.Integer;
                return digit;
            case State.Dot:
                this.state = State.Fraction;
                return digit;
            case State.Exponent:
                this.state = digit ? State.ExponentDigits : State.ExponentSign;
                return digit || byte === PLUS || byte === MINUS;
            case State.ExponentSign:
                this.state = State.ExponentDigits;
                return digit;
        }
        if (digit && this.state !== State.Zero)
            return true;
        if (byte === DOT && (this.state === State.Zero || this.state === State.Integer))
            this.state = State.Dot;
        else if (exponent && this.state !== State.ExponentDigits)
            this.state = State.Exponent;
        else {
            this.state = this.afterValue();
            return isSpace(byte) || this.structure(byte);
        }
        return true;
    }
}
function isDigit(byte) {
    return byte >= 0x30 && byte <= 0x39;
}
function isHex(byte) {
    return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}
/** JSON's white space: space, line feed, carriage return, tab. */
function isSpace(byte) {
    return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

;// CONCATENATED MODULE: ./src/manifest-reader.ts



const keepAsParsed = (value) => value;
/** Bytes read at a time. */
const CHUNK_BYTES = 64 * 1024;
/** A value this long that is not an entry of the nested objects: read the file whole instead. */
const MAX_PENDING_BYTES = 1024 * 1024;
/**
 * No manifest is larger. An entry as the action writes it takes some 400 bytes (100,000 take
 * some 40 MB); this leaves room for 100,000 entries whose paths and storage URLs are each a
 * kilobyte or more, while a file that is not a manifest (a disk image, a log that grew
 * without end) is refused before a byte of it is read.
 */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/**
 * Opened without waiting: opening a FIFO for reading waits for a writer, for ever. Only a
 * regular file is read (see fstat below); O_NONBLOCK changes nothing for one.
 */
const OPEN_FOR_READING = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
/**
 * Reads the JSON file the way JSON.parse would, but without its text in memory at once: the
 * file is scanned in chunks, and each entry (a member of an object the nesting marks
 * `'entries'`) is parsed on its own as soon as it is complete. 100,000 entries are some 40 MB
 * of text, which JSON.parse would need whole, and as much again while it works. A file the scan
 * does not take (not an object, invalid, or with an unusually long value) is read whole and
 * given to JSON.parse, so its result is JSON.parse's; where JSON.parse refuses it, the result
 * says where the text departs from JSON, never what it holds there. What is not a regular file,
 * or is larger than `maxBytes`, is not read. Rejects only when the file cannot be opened or read
 * (with the fs error).
 */
async function readManifestJson(file, nesting, { chunkBytes = CHUNK_BYTES, maxPendingBytes = MAX_PENDING_BYTES, maxBytes = MAX_MANIFEST_BYTES, keepEntry = keepAsParsed } = {}) {
    const handle = await (0,promises_namespaceObject.open)(file, OPEN_FOR_READING);
    try {
        const info = await handle.stat();
        if (!info.isFile())
            return { kind: 'not-a-file', what: fileType(info) };
        if (info.size > maxBytes)
            return { kind: 'too-large', bytes: info.size };
        const scanner = new MemberScanner(nesting, keepEntry);
        let pending = Buffer.alloc(0);
        /** Where `pending` starts in the file. */
        let offset = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(chunkBytes);
            const { bytesRead } = await handle.read(chunk, 0, chunkBytes, offset + pending.length);
            const final = bytesRead === 0;
            const bytes = final ? pending : Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
            // The file grew while it was read: it is refused as if it had been that large to begin with.
            if (offset + bytes.length > maxBytes)
                return { kind: 'too-large', bytes: offset + bytes.length };
            const taken = scanner.scan(bytes, final, offset);
            if (taken === NOT_STREAMABLE)
                break;
            pending = bytes.subarray(taken);
            offset += taken;
            if (final)
                return { kind: 'object', members: scanner.members, read: 'in-chunks' };
            if (pending.length > maxPendingBytes)
                break;
        }
        return await readWhole(handle, nesting, { chunkBytes, maxBytes });
    }
    finally {
        await handle.close();
    }
}
/** What a file that is not a regular one is, for the error. */
function fileType(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a FIFO (named pipe)';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    return 'not a regular file';
}
/** The whole file given to JSON.parse; where JSON.parse refuses it, where it departs from JSON. */
async function readWhole(handle, nesting, { chunkBytes, maxBytes }) {
    const pieces = [];
    let length = 0;
    const check = new JsonSyntaxCheck();
    for (;;) {
        const chunk = Buffer.allocUnsafe(Math.max(chunkBytes, CHUNK_BYTES));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
        if (bytesRead === 0)
            break;
        length += bytesRead;
        if (length > maxBytes)
            return { kind: 'too-large', bytes: length };
        const bytes = chunk.subarray(0, bytesRead);
        // Checked as it is read: a file that is not JSON is not held whole, nor given to JSON.parse.
        const departure = check.push(bytes);
        if (departure !== undefined)
            return { kind: 'invalid', at: departure };
        pieces.push(bytes);
    }
    const departure = check.end();
    if (departure !== undefined)
        return { kind: 'invalid', at: departure };
    let parsed;
    try {
        parsed = JSON.parse(Buffer.concat(pieces, length).toString('utf8'));
    }
    catch {
        // JSON.parse refused a text the check took: a disagreement the tests rule out; say nothing of where.
        return { kind: 'invalid' };
    }
    if (!isJsonObject(parsed))
        return { kind: 'not-object' };
    return { kind: 'object', members: toMaps(parsed, nesting), read: 'whole' };
}
/** A parsed object's members, with each member the nesting names whose value is an object as a Map too. */
function toMaps(object, nesting) {
    const members = new Map();
    for (const [key, value] of Object.entries(object)) {
        const inner = nesting === 'entries' ? undefined : innerNesting(nesting, key);
        members.set(key, inner !== undefined && isJsonObject(value) ? toMaps(value, inner) : value);
    }
    return members;
}
/** How the scan reads the value of the member `key`: descended into when it is an object (see Nesting). */
function innerNesting(nesting, key) {
    if (Object.hasOwn(nesting, key))
        return nesting[key];
    return Object.hasOwn(nesting, '*') ? nesting['*'] : undefined;
}
/** A JSON object: not null, not an array. */
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The scan met what it does not take: the file is read whole instead. */
class NotStreamable extends Error {
}
const manifest_reader_QUOTE = 0x22;
const manifest_reader_BACKSLASH = 0x5c;
const manifest_reader_COLON = 0x3a;
const manifest_reader_COMMA = 0x2c;
const manifest_reader_OPEN_BRACE = 0x7b;
const manifest_reader_CLOSE_BRACE = 0x7d;
const manifest_reader_OPEN_BRACKET = 0x5b;
const manifest_reader_CLOSE_BRACKET = 0x5d;
/** More bytes are needed to go on. */
const MORE = -1;
/** What scan returns when the text is not one it takes. */
const NOT_STREAMABLE = -2;
/**
 * Scans `{ "key": value, … }`, descending into the objects the nesting names, and parses each
 * other value (and each key) with JSON.parse, which validates it. Every structural byte is
 * ASCII, and no byte of a multi-byte UTF-8 character is, so bytes are scanned, not
 * characters. A whole unit (a member, a separator) is taken or none of it.
 */
class MemberScanner {
    nesting;
    keepEntry;
    members = new Map();
    /** The objects open, innermost last; empty before the first `{` and after the last `}`. */
    open = [];
    started = false;
    /** Where the bytes being scanned start in the file. */
    offset = 0;
    constructor(nesting, keepEntry) {
        this.nesting = nesting;
        this.keepEntry = keepEntry;
    }
    /**
     * Takes what it can of `bytes` (which start at `offset` in the file) and returns how many
     * bytes it took, or NOT_STREAMABLE.
     */
    scan(bytes, final, offset) {
        this.offset = offset;
        let at = 0;
        try {
            for (;;) {
                const next = this.step(bytes, skipSpace(bytes, at));
                if (next === MORE) {
                    if (!final)
                        return at;
                    return this.started && this.open.length === 0 ? bytes.length : NOT_STREAMABLE;
                }
                at = next;
            }
        }
        catch (error) {
            if (error instanceof NotStreamable)
                return NOT_STREAMABLE;
            throw error;
        }
    }
    step(bytes, at) {
        const frame = this.open.at(-1);
        if (frame === undefined) {
            if (at >= bytes.length)
                return MORE;
            // Before the object, or after it: only its `{` may come, once.
            if (this.started || bytes[at] !== manifest_reader_OPEN_BRACE)
                throw new NotStreamable();
            this.started = true;
            this.open.push({ members: this.members, nesting: this.nesting, expectMember: true, empty: true });
            return at + 1;
        }
        if (at >= bytes.length)
            return MORE;
        const byte = bytes[at];
        if (byte === manifest_reader_CLOSE_BRACE && (frame.empty || !frame.expectMember)) {
            this.open.pop();
            return at + 1;
        }
        if (!frame.expectMember) {
            if (byte !== manifest_reader_COMMA)
                throw new NotStreamable();
            frame.expectMember = true;
            return at + 1;
        }
        return this.member(frame, bytes, at);
    }
    member(frame, bytes, at) {
        const pair = keyAndValueStart(bytes, at);
        if (pair === MORE)
            return MORE;
        const { key, valueAt } = pair;
        const inner = frame.nesting === 'entries' ? undefined : innerNesting(frame.nesting, key);
        // JSON.parse keeps the last of two equal keys; the scan leaves such an object to it, but for
        // entries (below), whose values it keeps as JSON.parse does.
        if (frame.nesting !== 'entries' && frame.members.has(key))
            throw new NotStreamable();
        if (inner !== undefined && bytes[valueAt] === manifest_reader_OPEN_BRACE) {
            const members = new Map();
            frame.members.set(key, members);
            frame.expectMember = false;
            frame.empty = false;
            this.open.push({ members, nesting: inner, expectMember: true, empty: true });
            return valueAt + 1;
        }
        const end = valueEnd(bytes, valueAt);
        if (end === MORE)
            return MORE;
        const value = parse(bytes, valueAt, end);
        // As JSON.parse does, an entry's key given twice keeps its first place and its last value.
        frame.members.set(key, frame.nesting === 'entries' ? this.keepEntry(value, this.offset + valueAt, this.offset + end) : value);
        frame.expectMember = false;
        frame.empty = false;
        return end;
    }
}
/** `"key"` `:` and where the value starts (its first byte is there). */
function keyAndValueStart(bytes, at) {
    if (bytes[at] !== manifest_reader_QUOTE)
        throw new NotStreamable();
    const keyEnd = stringEnd(bytes, at);
    if (keyEnd === MORE)
        return MORE;
    const colonAt = skipSpace(bytes, keyEnd);
    if (colonAt >= bytes.length)
        return MORE;
    if (bytes[colonAt] !== manifest_reader_COLON)
        throw new NotStreamable();
    const valueAt = skipSpace(bytes, colonAt + 1);
    if (valueAt >= bytes.length)
        return MORE;
    const key = parse(bytes, at, keyEnd);
    if (typeof key !== 'string')
        throw new NotStreamable();
    return { key, valueAt };
}
function parse(bytes, start, end) {
    try {
        return JSON.parse(bytes.toString('utf8', start, end));
    }
    catch {
        throw new NotStreamable();
    }
}
function skipSpace(bytes, at) {
    while (at < bytes.length && isSpace(bytes[at]))
        at++;
    return at;
}
/** Just past the string that starts at `at` (a `"`). */
function stringEnd(bytes, at) {
    for (let i = at + 1; i < bytes.length; i++) {
        if (bytes[i] === manifest_reader_BACKSLASH)
            i++;
        else if (bytes[i] === manifest_reader_QUOTE)
            return i + 1;
    }
    return MORE;
}
/**
 * Just past the value that starts at `at`: a string, an object or array (to its closing
 * bracket, strings skipped), or a number, true, false or null (to the next delimiter).
 * JSON.parse then says whether it is valid.
 */
function valueEnd(bytes, at) {
    const first = bytes[at];
    if (first === manifest_reader_QUOTE)
        return stringEnd(bytes, at);
    if (first === manifest_reader_OPEN_BRACE || first === manifest_reader_OPEN_BRACKET) {
        let depth = 0;
        for (let i = at; i < bytes.length; i++) {
            const byte = bytes[i];
            if (byte === manifest_reader_QUOTE) {
                const end = stringEnd(bytes, i);
                if (end === MORE)
                    return MORE;
                i = end - 1;
            }
            else if (byte === manifest_reader_OPEN_BRACE || byte === manifest_reader_OPEN_BRACKET)
                depth++;
            else if ((byte === manifest_reader_CLOSE_BRACE || byte === manifest_reader_CLOSE_BRACKET) && --depth === 0)
                return i + 1;
        }
        return MORE;
    }
    let i = at;
    while (i < bytes.length && !isDelimiter(bytes[i]))
        i++;
    if (i === at)
        throw new NotStreamable();
    return i < bytes.length ? i : MORE;
}
function isDelimiter(byte) {
    return byte === manifest_reader_COMMA || byte === manifest_reader_CLOSE_BRACE || byte === manifest_reader_CLOSE_BRACKET || isSpace(byte);
}

;// CONCATENATED MODULE: ./src/windowed-reader.ts

/** Bytes read in one call; a record (a spooled upload, a manifest entry) is a few hundred. */
const WINDOW_BYTES = 64 * 1024;
/**
 * How far before the requested record a window starts: records are read roughly in the order
 * they were written, shuffled a little (uploads in flight), so the next may lie just before.
 */
const WINDOW_BACK_BYTES = 8 * 1024;
/**
 * Windows kept: a record far from its neighbours (a file retried, a large one) costs one window
 * read, and the next record is still found in the window it left.
 */
const WINDOWS = 2;
/**
 * Reads records of a file by their byte offset and length, each cut from a window of the file
 * read in one call, rather than one call per record. Never reads at or past `limit()`: what
 * lies there may not be written whole yet.
 */
class WindowedReader {
    fd;
    what;
    limit;
    windows = [];
    constructor(fd, 
    /** What the file is, for the error when it ends early: "the details spool /…". */
    what, limit) {
        this.fd = fd;
        this.what = what;
        this.limit = limit;
    }
    /** The record's text (UTF-8). */
    text(offset, length) {
        const held = this.windows.find(window => window.holds(offset, length));
        if (held !== undefined)
            return held.text(offset, length);
        const back = Math.min(offset, WINDOW_BACK_BYTES);
        if (back + length > WINDOW_BYTES) {
            const buffer = Buffer.allocUnsafe(length);
            this.readUpTo(buffer, offset, length, length);
            return buffer.toString('utf8');
        }
        // The window that was filled longest ago gives way; the other keeps the place reads come back to.
        const window = this.windows.length < WINDOWS ? new Window() : this.windows.shift();
        const start = offset - back;
        window.fill(start, this.readUpTo(window.buffer, start, Math.min(WINDOW_BYTES, this.limit() - start), back + length));
        this.windows.push(window);
        return window.text(offset, length);
    }
    /** Lets go of the windows' buffers. */
    clear() {
        this.windows.length = 0;
    }
    /** Reads `wanted` bytes at `position` into `buffer`, or at least `needed` if the file ends sooner. */
    readUpTo(buffer, position, wanted, needed) {
        let done = 0;
        while (done < wanted) {
            const read = (0,external_node_fs_namespaceObject.readSync)(this.fd, buffer, done, wanted - done, position + done);
            if (read === 0)
                break;
            done += read;
        }
        if (done < needed)
            throw new Error(`${this.what} ends early`);
        return done;
    }
}
/** A copy of the file's bytes from `start`, all of them below the limit when it was read. */
class Window {
    buffer = Buffer.allocUnsafe(WINDOW_BYTES);
    start = 0;
    length = 0;
    fill(start, length) {
        this.start = start;
        this.length = length;
    }
    holds(offset, length) {
        return offset >= this.start && offset + length <= this.start + this.length;
    }
    text(offset, length) {
        return this.buffer.toString('utf8', offset - this.start, offset - this.start + length);
    }
}

;// CONCATENATED MODULE: ./src/manifest-store.ts




/**
 * The previous manifest's entries, left in a private copy of the file and read back when a
 * field is wanted, instead of 100,000 parsed entries on the heap (some 45 MB, more than the
 * list of files itself). The copy, not the manifest, is read: the manifest is replaced at the
 * end of the run while its entries are still being read, and Windows does not replace a file
 * that is open.
 */
class EntryStore {
    folder;
    file;
    fd;
    reader;
    lastOffset = -1;
    lastEntry;
    constructor(folder, 
    /** The copy of the manifest. */
    file) {
        this.folder = folder;
        this.file = file;
    }
    /** A copy of `manifest` in a new folder under `parent`. */
    static async copyOf(manifest, parent) {
        const folder = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(parent, 'netiks-manifest-'));
        const store = new EntryStore(folder, external_node_path_default().join(folder, 'manifest.json'));
        try {
            await (0,promises_namespaceObject.copyFile)(manifest, store.file);
            const fd = (0,external_node_fs_namespaceObject.openSync)(store.file, 'r');
            store.fd = fd;
            const size = (0,external_node_fs_namespaceObject.fstatSync)(fd).size;
            store.reader = new WindowedReader(fd, `the copy of the manifest ${store.file}`, () => size);
            return store;
        }
        catch (error) {
            store.close();
            throw error;
        }
    }
    /** The entry whose JSON text is at bytes `offset` to `offset + length` of the copy. */
    entryAt(offset, length) {
        if (offset === this.lastOffset)
            return this.lastEntry;
        if (this.reader === undefined)
            throw new Error('the manifest entries were read after they were released');
        const entry = JSON.parse(this.reader.text(offset, length));
        this.lastOffset = offset;
        this.lastEntry = entry;
        return entry;
    }
    /**
     * Closes and removes the copy. Never throws: the run is reported by then, and a copy that
     * cannot be removed yet (on Windows, while an antivirus or the indexer holds the file it saw
     * written) is left to the runner, which empties RUNNER_TEMP after the job.
     */
    close() {
        const fd = this.fd;
        this.fd = undefined;
        this.reader = undefined;
        this.lastOffset = -1;
        this.lastEntry = undefined;
        try {
            if (fd !== undefined)
                (0,external_node_fs_namespaceObject.closeSync)(fd);
            (0,external_node_fs_namespaceObject.rmSync)(this.folder, { recursive: true, force: true });
        }
        catch {
            // Left in RUNNER_TEMP: see above.
        }
    }
}
/**
 * An entry of the previous manifest as the action wrote it, read from the store when one of
 * its fields is wanted: the same fields as a parsed entry, and the same JSON.
 */
class StoredEntry {
    store;
    offset;
    length;
    constructor(store, offset, length) {
        this.store = store;
        this.offset = offset;
        this.length = length;
    }
    get name() {
        return this.read().name;
    }
    get recorded_name() {
        return this.read().recorded_name;
    }
    get sha256() {
        return this.read().sha256;
    }
    get size() {
        return this.read().size;
    }
    get id() {
        return this.read().id;
    }
    get storage_url() {
        return this.read().storage_url;
    }
    get content_type() {
        return this.read().content_type;
    }
    get uploaded_at() {
        return this.read().uploaded_at;
    }
    /** What JSON.stringify writes: the entry as it is in the file. */
    toJSON() {
        return this.read();
    }
    read() {
        return this.store.entryAt(this.offset, this.length);
    }
}

;// CONCATENATED MODULE: ./src/netiks/values.ts
/**
 * Which values from Netiks may be trusted into the outputs. A later step prints them raw
 * (`echo "$ASSET_IDS" | jq -r '.[]'`), so a value that could break or disguise a line, or pass
 * for a workflow command, is never a clean success — whether it comes from an answer now or
 * from a manifest entry written by an earlier run (a manifest may come back from a cache).
 */
/** Characters that could break or disguise a line: C0 and C1 controls, DEL, line and paragraph separators, bidi controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** An asset id as an API gives them (a UUID, a number, a slug): letters and digits first, then a few marks. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._~:+=/-]{0,255}$/;
function isPlainAssetId(value) {
    return typeof value === 'string' && PLAIN_ID.test(value);
}
/**
 * Whether a value is inert wherever it is printed raw: no character that could break or
 * disguise a line, nothing a workflow command needs (`::` first on a line, `##[` anywhere).
 */
function isInertText(value) {
    return !LINE_BREAKING.test(value) && !/^\s*::/.test(value) && !value.includes('##[');
}

;// CONCATENATED MODULE: ./src/report/log-safe.ts
/**
 * Text from outside the action — file names, the server's words, URLs, manifest entries — made
 * safe to write into the log, an annotation or the job summary.
 *
 * The runner reads a line of a step's output as a workflow command when, after its leading
 * white space, it starts with `::` (`::warning::`, `::add-mask::`, `::stop-commands::`), and
 * also when it holds `##[name]` *anywhere* (the legacy form: `##[add-mask]x`,
 * `##[warning]x`). A file name is free to contain all of these, and a line break (legal in a
 * Linux file name) would start a line of its own. So:
 *
 * - every value from outside goes through `escapeForLog` (or `quoteForLog`), which
 *   percent-encodes `%` and line breaks as @actions/core does for command data, and every other
 *   character that could break or disguise a line, and breaks up `##[`;
 * - no such value ever starts a line: each line the action writes starts with its own words or
 *   a marker (`✓`, `↻`, `↑`, `=`, `•`).
 *
 * The encoding is percent-encoded UTF-8, so `decodeURIComponent` reads any escaped value back.
 */
/**
 * Written as their UTF-8 bytes in %XX form: `%` itself (so the encoding stays unambiguous),
 * the C0 and C1 controls (CR, LF, tab, ESC and its colour codes, NEL, …), DEL, the line and
 * paragraph separators, and the bidirectional controls that reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[%\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** A value from outside, made safe to write anywhere on a log line (but never first on it). */
function escapeForLog(value) {
    return String(value).replace(UNSAFE, percentEncode).replace(/##\[/g, '##%5B');
}
/** A name in double quotes, as the log shows names: `"a.zip"`; a `"` inside is written %22. */
function quoteForLog(value) {
    return `"${escapeForLog(value).replace(/"/g, '%22')}"`;
}
/**
 * A value from outside, made safe for the job summary: escaped as in the log (so no line
 * break can end the HTML block and let the rest be read as Markdown), then as HTML text.
 */
function escapeForSummary(value) {
    return escapeHtml(escapeForLog(value));
}
/**
 * A URL from outside as the summary may link to it: http(s) only (a server cannot plant a
 * `javascript:` link), as the URL parser writes it (no raw white space or line break),
 * escaped for an HTML attribute. Undefined for anything else.
 */
function summaryHref(url) {
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? escapeHtml(parsed.href) : undefined;
    }
    catch {
        return undefined;
    }
}
/** HTML text and double-quoted attribute values (the summary uses no single-quoted ones). */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function percentEncode(character) {
    return [...Buffer.from(character, 'utf8')]
        .map(byte => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
}

;// CONCATENATED MODULE: ./src/report/records.ts


function assetRecordOf(upload) {
    const details = upload.details();
    return {
        path: upload.file.relativePath,
        name: upload.recordedName,
        id: details.assetId,
        storage_url: details.storageUrl,
        size: upload.file.size,
        content_type: details.contentType,
        sha256: details.sha256,
        skipped: false,
        possible_duplicate: upload.possibleDuplicate
    };
}
function assetRecordOfUnchanged({ file, entry }) {
    return {
        path: file.relativePath,
        name: entry.recorded_name ?? entry.name,
        id: entry.id,
        storage_url: entry.storage_url,
        size: file.size,
        content_type: entry.content_type,
        sha256: entry.sha256,
        skipped: true,
        possible_duplicate: false
    };
}
function failureRecordOf(failure) {
    return {
        path: failure.file.relativePath,
        step: failure.step,
        status: failure.status ?? null,
        message: escapeForLog(failure.message)
    };
}
function fileRecordOfFailure(failure) {
    return {
        path: failure.file.relativePath,
        name: failure.file.name,
        id: null,
        storage_url: null,
        size: failure.file.size,
        content_type: failure.file.contentType,
        sha256: null,
        skipped: false,
        possible_duplicate: false,
        failure: { step: failure.step, status: failure.status ?? null, message: escapeForLog(failure.message) }
    };
}
/** How many assets Netiks holds for the matched files: confirmed now, or left unchanged. */
function heldCount(result) {
    return result.confirmed.length + (result.unchanged?.length ?? 0);
}
/**
 * The assets Netiks holds for the matched files, in path order, made one at a time: a run of
 * 100,000 files never holds all of its records at once.
 */
function* assetRecords(result) {
    yield* mergeByPath(mapped(sortedByPath(result.confirmed), assetRecordOf), mapped(sortedByPath(result.unchanged ?? []), assetRecordOfUnchanged));
}
function* failureRecords(result) {
    yield* mapped(sortedByPath(result.failed), failureRecordOf);
}
/** Every matched file's record, held or failed, in path order. */
function* fileRecords(result) {
    const held = mapped(assetRecords(result), (record) => ({ ...record, failure: null }));
    yield* mergeByPath(held, mapped(sortedByPath(result.failed), fileRecordOfFailure));
}
function* mapped(items, make) {
    for (const item of items)
        yield make(item);
}
/** Two path-sorted sequences as one. */
function* mergeByPath(first, second) {
    const a = first[Symbol.iterator]();
    const b = second[Symbol.iterator]();
    let left = a.next();
    let right = b.next();
    while (!left.done || !right.done) {
        if (right.done || (!left.done && compareText(left.value.path, right.value.path) <= 0)) {
            yield left.value;
            left = a.next();
        }
        else {
            yield right.value;
            right = b.next();
        }
    }
}

;// CONCATENATED MODULE: ./src/report/assets-file.ts




/**
 * Writes the run's complete record, whatever its size, to a fresh folder under RUNNER_TEMP
 * (so two steps of one job never share it): `assets.json`, one object per matched file in
 * path order (see FileRecord), and `checksums.sha256`, one `sha256sum` line per asset Netiks
 * holds, with the file's workspace-relative path, so that `sha256sum -c` verifies it from the
 * workspace. Both are written in chunks from records made one at a time.
 */
async function writeRecordFiles(result, dir) {
    dir ??= await makeRunFolder();
    const files = {
        assetsFile: external_node_path_default().join(dir, 'assets.json'),
        checksumsFile: external_node_path_default().join(dir, 'checksums.sha256')
    };
    await writeText(files.assetsFile, jsonArrayLines(fileRecords(result)));
    await writeText(files.checksumsFile, checksumLines(result));
    return files;
}
/** A fresh folder of this run's own under RUNNER_TEMP (the runner empties it after the job). */
async function makeRunFolder(env = process.env) {
    return await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(runnerTemp(env), 'netiks-upload-'));
}
/** The runner's folder for temporary files (the system's outside a runner). */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || external_node_os_default().tmpdir();
}
/** A JSON array with one element per line, so that line tools and diffs work on it too. */
function* jsonArrayLines(items) {
    let first = true;
    for (const item of items) {
        yield `${first ? '[\n' : ',\n'}${JSON.stringify(item)}`;
        first = false;
    }
    yield first ? '[]\n' : '\n]\n';
}
function* checksumLines(result) {
    for (const record of assetRecords(result))
        yield checksumLine(record.sha256, record.path);
}
/**
 * One line as GNU `sha256sum` writes it: a name holding `\`, a line feed or a carriage return
 * is escaped, and the line then starts with `\`, so that `sha256sum -c` reads the name back.
 */
function checksumLine(sha256, name) {
    if (!/[\\\n\r]/.test(name))
        return `${sha256}  ${name}\n`;
    const escaped = name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    return `\\${sha256}  ${escaped}\n`;
}
const CHUNK_CHARS = 64 * 1024;
/** Writes the pieces to `file` in chunks of about 64 KiB: never the whole text at once. */
async function writeText(file, pieces) {
    const handle = await (0,promises_namespaceObject.open)(file, 'w');
    try {
        let chunk = '';
        for (const piece of pieces) {
            chunk += piece;
            if (chunk.length >= CHUNK_CHARS) {
                await writeAll(handle, chunk);
                chunk = '';
            }
        }
        if (chunk !== '')
            await writeAll(handle, chunk);
    }
    finally {
        await handle.close();
    }
}
/**
 * Writes all of the text. A write may take only part of it — a full disk takes what fits and
 * fails only the next write — so the rest is written again until it is all taken or the file
 * system says why not: a file cut short is never left as if it were whole.
 */
async function writeAll(handle, text) {
    let bytes = Buffer.from(text, 'utf8');
    while (bytes.length > 0) {
        const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
        if (bytesWritten <= 0)
            throw new Error(`the file system took none of the last ${bytes.length} bytes`);
        bytes = bytes.subarray(bytesWritten);
    }
}

;// CONCATENATED MODULE: ./src/transfer/pool.ts
/**
 * Runs `worker` over the items with at most `concurrency` of them in flight. Workers pull
 * from one shared iterator, so a slow item never holds up the others, and an async source
 * is asked for its next item only when a worker is free.
 */
async function runPool(items, concurrency, worker, shouldStop = () => false) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
    }
    const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
    const runWorker = async () => {
        while (!shouldStop()) {
            const next = await iterator.next();
            if (next.done)
                return;
            await worker(next.value);
        }
    };
    const results = await Promise.allSettled(Array.from({ length: concurrency }, runWorker));
    const failure = results.find(result => result.status === 'rejected');
    if (failure)
        throw failure.reason;
}

;// CONCATENATED MODULE: ./src/manifest.ts












/** Version 2 keys entries by the file's path; version 1 keyed them by asset name. */
const MANIFEST_VERSION = 2;
/**
 * The manifest can be neither read nor replaced as it is: the run stops before any request,
 * and the file is left as it is. Says what is wrong (never what the file holds: a manifest
 * path may lead to any file) and what to do.
 */
class ManifestError extends InputError {
    problem;
    advice;
    constructor(
    /** What is wrong, after "The manifest <path> ". */
    problem, 
    /** What to do about it. */
    advice) {
        super(`The manifest ${problem}. ${advice}`);
        this.problem = problem;
        this.advice = advice;
        this.name = 'ManifestError';
    }
}
/**
 * How a manifest is read: the entries of its base-url at the top, those of the others under
 * `other-base-urls`, by base-url, each with the same two members.
 */
const SECTION = { assets: 'entries', 'v1-assets': 'entries' };
const MANIFEST_NESTING = { ...SECTION, 'other-base-urls': { '*': SECTION } };
const START_AFRESH = 'Fix it, or delete it to start a new manifest (every matched file is then uploaded again once).';
function emptyManifest(baseUrl) {
    return {
        version: MANIFEST_VERSION,
        'base-url': baseUrl,
        assets: new Map(),
        legacy: new Map(),
        others: { sections: new Map() }
    };
}
/**
 * Checks, before anything is sent, that the manifest can be read and replaced where it is:
 * absent or a regular file (a FIFO is not opened: that would wait for a writer), not larger
 * than any manifest, in a folder the run can write (or one it can make). A manifest that could
 * not be written after the uploads would make the next run send every file again. Returns
 * whether the file exists. Throws a ManifestError.
 */
async function checkManifestPlace(file) {
    const info = await (0,promises_namespaceObject.stat)(file).catch((error) => {
        if (error.code === 'ENOENT')
            return undefined;
        throw new ManifestError(`cannot be reached (${error.code ?? error.message})`, NOT_REACHED_ADVICE);
    });
    if (info?.isDirectory()) {
        throw new ManifestError('is a directory', 'Give the path of a JSON file, such as .netiks/manifest.json; it is created if it does not exist.');
    }
    if (info !== undefined && !info.isFile()) {
        throw new ManifestError(`is ${fileType(info)}, not a regular file: it was not read`, 'Give the path of a JSON file the action may replace, such as .netiks/manifest.json.');
    }
    if (info !== undefined && info.size > MAX_MANIFEST_BYTES)
        throw tooLarge(info.size);
    await checkFolderWritable(external_node_path_default().dirname(file));
    return info !== undefined;
}
const NOT_REACHED_ADVICE = 'Check that the path and each folder on it exist as folders the job can read, or give another path.';
function tooLarge(bytes) {
    return new ManifestError(`is ${formatBytes(bytes)}, larger than any manifest (at most ${formatBytes(MAX_MANIFEST_BYTES)}; ` +
        '100,000 entries take some 40 MB): it was not read', "Check that 'manifest' names the action's own manifest, not another file. " + START_AFRESH);
}
/**
 * The manifest's folder, or the nearest existing folder above it (the missing ones are made when
 * the manifest is written), is a folder the run may write in.
 */
async function checkFolderWritable(folder) {
    let existing = folder;
    for (;;) {
        const info = await (0,promises_namespaceObject.stat)(existing).catch((error) => {
            if (error.code === 'ENOENT' && external_node_path_default().dirname(existing) !== existing)
                return undefined;
            throw new ManifestError(`cannot be written in ${existing} (${error.code ?? error.message})`, NOT_REACHED_ADVICE);
        });
        if (info === undefined) {
            existing = external_node_path_default().dirname(existing);
            continue;
        }
        if (!info.isDirectory()) {
            throw new ManifestError(`cannot be written: ${existing} is not a folder`, NOT_REACHED_ADVICE);
        }
        break;
    }
    try {
        await (0,promises_namespaceObject.access)(existing, external_node_fs_namespaceObject.constants.W_OK | external_node_fs_namespaceObject.constants.X_OK);
    }
    catch (error) {
        throw new ManifestError(`cannot be written: this job may not write in ${existing} (${error.code}), ` +
            'so the next run would upload every file again; nothing was uploaded', 'Make that folder writable for the job, or give a manifest path in a folder it can write, such as .netiks/ in the workspace.');
    }
}
/**
 * Reads the manifest, of this version or of version 1, after checkManifestPlace. The entries
 * made against this run's base-url are read into the manifest; those of every other base-url
 * are kept as they are, to be written back. A file this action cannot read whole as a manifest
 * (not JSON, not an object, a version it does not know, a member of the wrong shape) throws a
 * ManifestError and is left as it is: it is replaced only once all it holds is understood. A
 * malformed entry is left out and listed in `ignored`; the others are used.
 *
 * With `storeIn` (a folder), the entries as the action writes them are left in a copy of the
 * file made there and read back on demand (`store`); without it, or when no copy can be made
 * there, every entry is held in memory.
 */
async function loadManifest(file, baseUrl, options = {}) {
    if (!(await checkManifestPlace(file)))
        return absentManifest(baseUrl);
    const store = options.storeIn === undefined ? undefined : await copyToStore(file, options.storeIn);
    try {
        const loaded = await readManifest(file, baseUrl, store);
        if (store !== undefined && loaded.existed)
            loaded.store = store;
        else
            store?.close();
        return loaded;
    }
    catch (error) {
        store?.close();
        throw error;
    }
}
function absentManifest(baseUrl) {
    return { manifest: emptyManifest(baseUrl), existed: false, knewBaseUrl: false, ignored: [] };
}
/** A store for the manifest's entries, or undefined (in memory, then) when there is no copy to be had. */
async function copyToStore(file, folder) {
    try {
        return await EntryStore.copyOf(file, folder);
    }
    catch {
        // No file yet, or no room for the copy: the manifest is read as it is, entries in memory.
        return undefined;
    }
}
async function readManifest(file, baseUrl, store) {
    // An entry exactly as the action writes it stays in the store; any other is parsed and checked below.
    const keepEntry = store
        ? (value, start, end) => isJsonObject(value) && entryProblem(value, true) === undefined && isAsWritten(value)
            ? new StoredEntry(store, start, end - start)
            : value
        : undefined;
    let json;
    try {
        json = await readManifestJson(store?.file ?? file, MANIFEST_NESTING, { keepEntry });
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return absentManifest(baseUrl);
        throw new ManifestError(`cannot be read (${error.code ?? 'error'})`, NOT_REACHED_ADVICE);
    }
    const { members } = usableJson(json);
    const version = members.get('version');
    if (version !== 1 && version !== MANIFEST_VERSION)
        throw unknownVersion(version);
    const top = members.get('base-url');
    if (typeof top !== 'string' || top === '')
        throw shapeError('has no "base-url" (a string) at its top');
    const sections = otherSections(members.get('other-base-urls'), top);
    sections.set(top, sectionOf(members, version, 'at its top'));
    const own = sections.get(baseUrl);
    sections.delete(baseUrl);
    const others = { ...(top !== baseUrl ? { top } : {}), sections };
    const manifest = { ...emptyManifest(baseUrl), others };
    const ignored = own === undefined ? [] : checkEntries(own, manifest);
    return { manifest, existed: true, knewBaseUrl: own !== undefined, ignored, version };
}
/** The JSON's top-level members, when it is an object; otherwise the ManifestError that says why not. */
function usableJson(json) {
    switch (json.kind) {
        case 'object':
            return json;
        case 'invalid':
            throw new ManifestError(`is not valid JSON${json.at ? `: it departs from JSON at byte ${json.at.offset} (line ${json.at.line})` : ''}; ` +
                'it was left as it is, and nothing was uploaded', START_AFRESH);
        case 'not-object':
            throw shapeError('is JSON, but not an object');
        case 'too-large':
            throw tooLarge(json.bytes);
        case 'not-a-file':
            throw new ManifestError(`is ${json.what}, not a regular file: it was not read`, 'Give the path of a JSON file the action may replace, such as .netiks/manifest.json.');
    }
}
function shapeError(problem) {
    return new ManifestError(`${problem}, so it is not a manifest this action reads; it was left as it is, and nothing was uploaded`, `Check that 'manifest' names the action's own manifest (see "Sync without duplicates" in the README). ${START_AFRESH}`);
}
function unknownVersion(version) {
    // The version is said only when it is a plain number: the value is the file's, and could be anything.
    const which = typeof version === 'number' && Number.isSafeInteger(version) ? `has version ${version}` : undefined;
    if (which === undefined)
        return shapeError(version === undefined ? 'has no "version"' : 'has a "version" that is not a number');
    return new ManifestError(`${which}, which this action does not know (it reads versions 1 and ${MANIFEST_VERSION}); ` +
        'it was left as it is, and nothing was uploaded', 'A newer release of netiks/upload-action wrote it: run that release, or a newer one, with this manifest.');
}
/** Each base-url's section under `other-base-urls`, as read; a member of another shape is an error. */
function otherSections(value, top) {
    const sections = new Map();
    if (value === undefined)
        return sections;
    if (!(value instanceof Map))
        throw shapeError('has "other-base-urls" that is not an object');
    for (const [url, section] of value) {
        if (url === top)
            throw shapeError('has the base-url of its top under "other-base-urls" as well');
        if (!(section instanceof Map))
            throw shapeError('has a member of "other-base-urls" that is not an object');
        sections.set(url, sectionOf(section, MANIFEST_VERSION, 'under "other-base-urls"'));
    }
    return sections;
}
/** The entries of one base-url: by path in `assets`, by name in `v1-assets` (or in `assets`, in version 1). */
function sectionOf(members, version, where) {
    const objectOrNone = (name) => {
        const value = members.get(name);
        if (value == null)
            return new Map();
        if (!(value instanceof Map))
            throw shapeError(`has "${name}" ${where} that is not an object`);
        return value;
    };
    if (version === 1)
        return { assets: new Map(), legacy: objectOrNone('assets') };
    return { assets: objectOrNone('assets'), legacy: objectOrNone('v1-assets') };
}
/** Puts this base-url's usable entries into the manifest; returns the malformed ones, each with what is wrong. */
function checkEntries(own, manifest) {
    const ignored = [];
    for (const [key, value] of own.assets) {
        if (value instanceof StoredEntry) {
            manifest.assets.set(key, value);
            continue;
        }
        const wrong = entryProblem(value, true);
        if (wrong)
            ignored.push(`${keyForLog(key)} (${wrong})`);
        else
            manifest.assets.set(key, pickEntry(value));
    }
    for (const [name, value] of own.legacy) {
        const wrong = entryProblem(value, false);
        if (wrong)
            ignored.push(`${keyForLog(name)} (${wrong})`);
        else
            manifest.legacy.set(name, pickLegacy(value));
    }
    return ignored;
}
/** An entry's key for the warning: JSON-quoted, and cut short (a key may be of any length). */
function keyForLog(key) {
    const MAX = 120;
    return JSON.stringify(key.length > MAX ? `${key.slice(0, MAX)}…` : key);
}
const STRING_FIELDS = ['id', 'storage_url', 'content_type', 'uploaded_at'];
/**
 * Longer than any value Netiks gives or a path can be. A skipped file's entry reaches the log
 * and the outputs; a value beyond this is a damaged or foreign entry, not one to print.
 */
const MAX_FIELD_CHARS = 8192;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
/**
 * A string the manifest may hold in a field: not empty where `nonEmpty`; where `fromNetiks`,
 * inert as a value from Netiks must be to reach the outputs (an entry may come back from a
 * cache). A file's own name may hold line breaks: Linux allows it, and it is escaped wherever
 * it is written.
 */
function isFieldString(value, { nonEmpty = false, fromNetiks = true } = {}) {
    if (typeof value !== 'string' || value.length > MAX_FIELD_CHARS)
        return false;
    return (!nonEmpty || value !== '') && (!fromNetiks || isInertText(value));
}
/** What is wrong with an entry, or undefined when it can be used. Names the fields, never their values. */
function entryProblem(value, withName) {
    if (!isJsonObject(value))
        return 'not an object';
    const wrong = [];
    if (withName && !isFieldString(value.name, { nonEmpty: true, fromNetiks: false }))
        wrong.push('name');
    if (withName && value.recorded_name !== undefined && !isFieldString(value.recorded_name, { nonEmpty: true })) {
        wrong.push('recorded_name');
    }
    if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(value.sha256))
        wrong.push('sha256');
    if (!Number.isSafeInteger(value.size) || value.size < 0)
        wrong.push('size');
    for (const field of STRING_FIELDS) {
        const valid = field === 'id' ? isPlainAssetId(value.id) : isFieldString(value[field]);
        if (!valid)
            wrong.push(field);
    }
    if (!wrong.includes('uploaded_at') && !ISO_TIME.test(value.uploaded_at))
        wrong.push('uploaded_at');
    if (wrong.length === 0)
        return undefined;
    return `${wrong.join(', ')} ${wrong.length === 1 ? 'is' : 'are'} missing or invalid`;
}
/** Only the known fields, so that nothing unexpected is carried over to the next manifest. */
function pickLegacy(entry) {
    return {
        sha256: entry.sha256.toLowerCase(),
        size: entry.size,
        id: entry.id,
        storage_url: entry.storage_url,
        content_type: entry.content_type,
        uploaded_at: entry.uploaded_at
    };
}
function pickEntry(entry) {
    // An entry as this action writes it is kept as parsed: a copy of each of 100,000 would
    // double what loading costs at its peak.
    if (isAsWritten(entry))
        return entry;
    const recorded = entry.recorded_name !== undefined && entry.recorded_name !== entry.name;
    return { name: entry.name, ...(recorded ? { recorded_name: entry.recorded_name } : {}), ...pickLegacy(entry) };
}
const WRITTEN_FIELDS = ['name', 'sha256', 'size', 'id', 'storage_url', 'content_type', 'uploaded_at'];
const WRITTEN_FIELDS_RECORDED = ['name', 'recorded_name', ...WRITTEN_FIELDS.slice(1)];
/** Exactly the fields pickEntry keeps, in its order, with a lower-case sha256. */
function isAsWritten(entry) {
    const fields = entry.recorded_name === undefined ? WRITTEN_FIELDS : WRITTEN_FIELDS_RECORDED;
    if (entry.recorded_name === entry.name || entry.sha256 !== entry.sha256.toLowerCase())
        return false;
    let index = 0;
    for (const key in entry)
        if (key !== fields[index++])
            return false;
    return index === fields.length;
}
/**
 * Splits the files into those to upload and those the manifest already holds unchanged: the
 * entry of the file's path (compared as the file system compares paths) has the name the file
 * is sent under now and its sha256. A file no entry has a path for may match a version 1 entry
 * of its name instead. Only a file whose entry has its size is hashed — one streaming read —
 * so new and resized files cost nothing here. Linear in the number of files and entries.
 */
async function findUnchanged(files, manifest, concurrency, rules = paths_HOST_PATHS) {
    const entryOfPath = entriesByPathKey(manifest, rules);
    const candidateFor = (file) => {
        const entry = entryOfPath(file.relativePath);
        if (entry !== undefined)
            return entry.name === file.name && entry.size === file.size ? { file, entry } : undefined;
        const legacy = manifest.legacy.get(file.name);
        return legacy !== undefined && legacy.size === file.size
            ? { file, entry: { name: file.name, ...legacy } }
            : undefined;
    };
    // In file order; a candidate whose digest differs is marked as each digest comes, so that
    // 100,000 digests are not kept to be compared afterwards.
    const candidates = [];
    const large = [];
    for (const file of files) {
        const candidate = candidateFor(file);
        if (candidate === undefined)
            continue;
        candidates.push(candidate);
        // A small file is hashed at once, while its entry is still the one just read (a stored
        // entry is parsed again for each other entry read in between).
        if (file.size >= READ_WHOLE_BYTES)
            large.push(candidate);
        else if (sha256OfSmallFile(file) !== candidate.entry.sha256)
            candidate.differs = true;
    }
    await runPool(large, concurrency, async (candidate) => {
        if ((await sha256OfLargeFile(candidate.file)) !== candidate.entry.sha256)
            candidate.differs = true;
    });
    const unchanged = [];
    const upload = [];
    let next = 0;
    for (const file of files) {
        const candidate = candidates[next]?.file === file ? candidates[next++] : undefined;
        if (candidate !== undefined && candidate.differs === undefined)
            unchanged.push(candidate);
        else
            upload.push(file);
    }
    return { upload, unchanged, hashed: candidates.map(candidate => candidate.file) };
}
/**
 * The entry of a path, compared as the file system compares paths. Where that is byte for byte
 * (Linux), the manifest's own map answers, with no copy of it.
 */
function entriesByPathKey(manifest, rules) {
    if (!rules.caseInsensitive)
        return relativePath => manifest.assets.get(relativePath);
    const byKey = new Map();
    for (const [key, entry] of manifest.assets)
        byKey.set(pathKey(key, rules), entry);
    return relativePath => byKey.get(pathKey(relativePath, rules));
}
/**
 * The manifest with each unchanged file's entry under the file's path as it is spelled now:
 * this is how a version 1 entry becomes a version 2 one, without sending anything.
 */
function recordUnchanged(manifest, unchanged, rules = paths_HOST_PATHS) {
    // The usual case: each entry is already under its file's path, and there is no version 1
    // entry to claim: the manifest stays as it is, with no copy of 100,000 entries.
    const inPlace = ({ file, entry }) => manifest.assets.get(file.relativePath) === entry;
    if (manifest.legacy.size === 0 && unchanged.every(inPlace))
        return manifest;
    return withEntries(manifest, unchanged.map(({ file, entry }) => [file.relativePath, entry]), rules);
}
/** The manifest with every asset confirmed in this run added (or replacing the entry of its path). */
function recordUploads(manifest, confirmed, now = new Date(), rules = HOST_PATHS) {
    const uploadedAt = now.toISOString();
    const entries = confirmed.map((upload) => [
        upload.file.relativePath,
        entryOf(upload, uploadedAt)
    ]);
    return withEntries(manifest, entries, rules);
}
/** What the manifest remembers of a confirmed upload. */
function entryOf(upload, uploadedAt) {
    const details = upload.details();
    return {
        name: upload.file.name,
        ...(upload.recordedName !== upload.file.name ? { recorded_name: upload.recordedName } : {}),
        sha256: details.sha256,
        size: upload.file.size,
        id: details.assetId,
        storage_url: details.storageUrl,
        content_type: details.contentType,
        uploaded_at: uploadedAt
    };
}
/**
 * Writes the manifest with every asset confirmed in this run added, as recordUploads and
 * writeManifest would, but without holding the new entries or the JSON text in memory: the
 * confirmed uploads' details are read one at a time as the file is written (100,000 entries
 * are some 40 MB of objects and as much again of text). Returns how many assets it holds.
 */
async function writeManifestWithUploads(file, before, confirmed, now = new Date(), rules = paths_HOST_PATHS, options = {}) {
    const uploadedAt = now.toISOString();
    const uploads = sortedByPath(confirmed);
    const { dropped, legacy } = planEntries(before, uploads, upload => [upload.file.relativePath, upload.file.name], rules);
    const kept = [...before.assets.keys()].filter(key => !dropped.has(key)).sort(compareText);
    let count = 0;
    // Both lists are in key order: merged, a confirmed upload replaces the entry of its path.
    function* members() {
        let k = 0;
        let u = 0;
        while (k < kept.length || u < uploads.length) {
            const upload = uploads[u];
            const order = u === uploads.length ? -1 : k === kept.length ? 1 : compareText(kept[k], upload.file.relativePath);
            count++;
            if (order < 0) {
                yield [kept[k], before.assets.get(kept[k])];
                k++;
                continue;
            }
            if (order === 0)
                k++;
            yield [upload.file.relativePath, entryOf(upload, uploadedAt)];
            u++;
        }
    }
    const empty = kept.length === 0 && uploads.length === 0 && legacy.size === 0;
    await writeManifestText(file, manifestPieces(before, { assets: members(), legacy, empty }), options);
    return count;
}
/**
 * Sets each entry under its path, replacing an entry whose path is spelled differently but
 * names the same file. A version 1 entry of the same asset name is dropped: it described an
 * earlier upload of that name, as version 1 would have replaced it.
 */
function withEntries(manifest, entries, rules) {
    const { dropped, legacy } = planEntries(manifest, entries, ([key, entry]) => [key, entry.name], rules);
    const assets = new Map(manifest.assets);
    for (const [key, entry] of entries)
        assets.set(key, entry);
    for (const key of dropped)
        assets.delete(key);
    return { ...manifest, assets, legacy };
}
/**
 * What setting new entries (their keys and the names they were sent under) does to the
 * manifest besides adding them: the keys they replace (the same file spelled in another case,
 * where case is ignored) and the version 1 entries left (those of the names sent again go).
 */
function planEntries(manifest, items, keyAndName, rules) {
    const dropped = new Set();
    const legacy = new Map(manifest.legacy);
    // Where paths compare byte for byte, a key only ever replaces the entry of the same key.
    const spelling = rules.caseInsensitive ? new Map() : undefined;
    for (const key of spelling ? manifest.assets.keys() : [])
        spelling.set(pathKey(key, rules), key);
    for (const item of items) {
        const [key, name] = keyAndName(item);
        if (spelling) {
            const folded = pathKey(key, rules);
            const previous = spelling.get(folded);
            if (previous !== undefined && previous !== key)
                dropped.add(previous);
            spelling.set(folded, key);
            dropped.delete(key);
        }
        legacy.delete(name);
    }
    return { dropped, legacy };
}
/** The JSON a manifest is written as: entries sorted by key, `v1-assets` only while it holds any. */
function serializeManifest(manifest) {
    return [...pieces(manifest)].join('');
}
/**
 * The manifest's text, piece by piece, exactly as `JSON.stringify(…, null, 2)` writes it: at
 * the top, the base-url the file named there before (this run's, for a new file) and its
 * entries; then the other base-urls' entries under `other-base-urls`, by base-url. Each
 * base-url's entries are its `assets` and, while it holds any, its `v1-assets`. This run's
 * entries are sorted by key; the others' are written as they were read.
 */
function* manifestPieces(head, own) {
    const { top, sections } = head.others;
    const topUrl = top ?? head['base-url'];
    yield `{\n  "version": ${JSON.stringify(head.version)},\n  "base-url": ${JSON.stringify(topUrl)}`;
    yield* sectionPieces(top === undefined ? own : sections.get(top), 1);
    const below = [...sections.keys()].filter(url => url !== top);
    if (top !== undefined && !own.empty)
        below.push(head['base-url']);
    if (below.length > 0) {
        yield ',\n  "other-base-urls": {';
        for (const [index, url] of below.sort(compareText).entries()) {
            yield `${index === 0 ? '' : ','}\n    ${JSON.stringify(url)}: {`;
            yield* sectionPieces(url === head['base-url'] ? own : sections.get(url), 3);
            yield '\n    }';
        }
        yield '\n  }';
    }
    yield '\n}\n';
}
/** `"assets"` and, while it holds any, `"v1-assets"`, as members of an object whose members are at `level`. */
function* sectionPieces(section, level) {
    const indent = '  '.repeat(level);
    const own = 'empty' in section;
    yield `${level === 1 ? ',' : ''}\n${indent}"assets": `;
    yield* objectPieces(section.assets, level);
    if (section.legacy.size > 0) {
        yield `,\n${indent}"v1-assets": `;
        yield* objectPieces(own ? sortedMembers(section.legacy) : section.legacy, level);
    }
}
/** An object of entries, the value of a member at `level` (its own members one level deeper). */
function* objectPieces(members, level) {
    const inner = '\n' + '  '.repeat(level + 1);
    let first = true;
    for (const [key, value] of members) {
        const text = JSON.stringify(value, null, 2).replace(/\n/g, inner);
        yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: ${text}`;
        first = false;
    }
    yield first ? '{}' : `\n${'  '.repeat(level)}}`;
}
/** A map's members in key order. */
function* sortedMembers(map) {
    for (const key of [...map.keys()].sort(compareText))
        yield [key, map.get(key)];
}
/** Windows refuses a rename while another process (an antivirus, an indexer) holds the file open. */
const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_RETRY_DELAYS_MS = [25, 50, 100, 200, 400, 800];
/**
 * Writes the manifest so that a reader sees the old file or the new one, never half of one.
 * The replace is retried for a moment when Windows reports the file busy.
 */
async function writeManifest(file, manifest, options = {}) {
    await writeManifestText(file, pieces(manifest), options);
}
/** The manifest's text piece by piece, entries sorted by key (see manifestPieces). */
function pieces(manifest) {
    const empty = manifest.assets.size === 0 && manifest.legacy.size === 0;
    return manifestPieces(manifest, { assets: sortedMembers(manifest.assets), legacy: manifest.legacy, empty });
}
/** Writes the pieces to a temporary file, in chunks, then replaces the manifest with it. */
async function writeManifestText(file, pieces, options) {
    const replace = options.rename ?? promises_namespaceObject.rename;
    const delays = options.retryDelaysMs ?? RENAME_RETRY_DELAYS_MS;
    await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    try {
        await writeText(temp, pieces);
        for (let attempt = 0;; attempt++) {
            try {
                await replace(temp, file);
                return;
            }
            catch (error) {
                const code = error.code;
                if (attempt >= delays.length || code === undefined || !RENAME_RETRY_CODES.has(code))
                    throw error;
                await new Promise(resolve => setTimeout(resolve, delays[attempt]));
            }
        }
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
        throw error;
    }
}
/** Files up to this size are hashed with one synchronous read into one buffer kept for them all. */
const READ_WHOLE_BYTES = 1024 * 1024;
let wholeFileBuffer = Buffer.alloc(0);
/**
 * The SHA-256 of a small file's bytes now (larger ones are streamed). It is read whole with synchronous calls, as
 * the upload reads it (body.ts): a stream would cost a 1 MiB buffer and several round trips
 * through the thread pool per file, which for 100,000 small files was most of the run's CPU
 * and memory. Up to `size` + 1 bytes are read, so a file that grew meanwhile gets a digest that
 * cannot match (and is uploaded, where the change is caught) without being read whole.
 */
function sha256OfSmallFile(file) {
    // One buffer for every small file: the read and the hash are synchronous.
    if (wholeFileBuffer.length < file.size + 1)
        wholeFileBuffer = Buffer.allocUnsafe(READ_WHOLE_BYTES + 1);
    const bytes = wholeFileBuffer.subarray(0, file.size + 1);
    const fd = (0,external_node_fs_namespaceObject.openSync)(file.absolutePath, 'r');
    try {
        let length = 0;
        for (;;) {
            const read = (0,external_node_fs_namespaceObject.readSync)(fd, bytes, length, bytes.length - length, length);
            length += read;
            if (read === 0 || length === bytes.length)
                break;
        }
        return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes.subarray(0, length)).digest('hex');
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
async function sha256OfLargeFile(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(file.absolutePath, { highWaterMark: READ_WHOLE_BYTES })) {
        hash.update(chunk);
    }
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/netiks/retry-after.ts
/** Reads Retry-After: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
;// CONCATENATED MODULE: ./src/netiks/watch.ts
/**
 * A watched request's place in the watch, and what the watch last saw of it. Kept in an array
 * by index, not in a Map keyed by request: with a fresh key for every request, a Map cost more
 * CPU the more files a run had (about 80 µs a file more at 30,000 files, bench/cpu-study.ts).
 */
class WatchEntry {
    request;
    index;
    /** Bytes the socket had read and written when they last changed. */
    progress = -1;
    /** When the request last moved (or was last waiting for a socket, or connecting). */
    movedAt = performance.now();
    /** When its socket was first seen connecting. */
    connectingSince = undefined;
    /** When the whole request was handed to the socket, or the answer began, if either has. */
    answerSince = undefined;
    constructor(request, 
    /** Where it is in the watch's array; -1 once stopped. */
    index) {
        this.request = request;
        this.index = index;
    }
}
/** How often the watch looks, as a share of the stall timeout, within these bounds (ms). */
const LOOKS_PER_TIMEOUT = 10;
const MIN_LOOK_MS = 10;
const MAX_LOOK_MS = 1000;
/**
 * Fails a request whose socket takes none of it for `stallMs` once connected, whose answer is
 * not complete `stallMs` after the request was sent whole (or after the answer began, for one
 * given early), or whose socket is not connected within `connectMs` (nor its proxy's tunnel
 * made). A request that may be waiting for a free socket (the agent's queue) is none of these:
 * the clock starts when a socket is handed to it, as with a socket timeout. A request is
 * failed between the timeout and the timeout plus two looks (a look every `stallMs / 10`, at
 * most every second).
 *
 * Why a deadline for the answer rather than a stall: a server that trickles its answer (a byte
 * a second) always moves, and would hold the request for ever. Once it has the whole request,
 * a server that is not done answering within the stall timeout is treated as one that stalled:
 * an answer is small, and a gateway in front of the API gives up at about that time too. For the same reason, what the server sends while the request is still going out does not
 * count as the request moving.
 */
class StallWatch {
    stallMs;
    connectMs;
    entries = [];
    timer;
    lookMs;
    constructor(stallMs, connectMs) {
        this.stallMs = stallMs;
        this.connectMs = connectMs;
        this.lookMs = Math.min(MAX_LOOK_MS, Math.max(MIN_LOOK_MS, Math.floor(Math.min(stallMs, connectMs) / LOOKS_PER_TIMEOUT)));
    }
    /** Watches the request until `stop` is called with what this returns (it settled, however). */
    start(request) {
        const entry = new WatchEntry(request, this.entries.length);
        this.entries.push(entry);
        // Unref'd: a request in flight holds the process open through its socket, not through this.
        this.timer ??= setInterval(() => this.look(), this.lookMs).unref();
        return entry;
    }
    /** The whole request is out, or the answer began: from now on its answer has `stallMs` to come whole. */
    answering(entry) {
        entry.answerSince ??= performance.now();
    }
    stop(entry) {
        if (!removeIndexed(this.entries, entry))
            return;
        if (this.entries.length === 0 && this.timer !== undefined) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
    }
    look() {
        const now = performance.now();
        const due = [];
        for (const state of this.entries) {
            const request = state.request;
            const socket = request.req.socket;
            if (!socket && request.mayBeQueued()) {
                // Queued for a socket: not the connection's fault.
                state.movedAt = now;
                state.connectingSince = undefined;
                continue;
            }
            if (!socket || socket.connecting) {
                state.connectingSince ??= now;
                state.movedAt = now;
                if (now - state.connectingSince >= this.connectMs)
                    due.push(() => request.onConnectTimeout());
                continue;
            }
            if (state.answerSince !== undefined) {
                if (now - state.answerSince >= this.stallMs)
                    due.push(() => request.onAnswerLate());
                continue;
            }
            // Bytes the kernel took: bytesWritten counts a write once dispatched, and libuv may hold it
            // (writeQueueSize) long after, draining as a slow peer reads (net.Socket's timeout checks
            // the same).
            const queued = socket._handle?.writeQueueSize ?? 0;
            const progress = (socket.bytesWritten ?? 0) - queued;
            if (progress !== state.progress) {
                state.progress = progress;
                state.movedAt = now;
            }
            else if (now - state.movedAt >= this.stallMs) {
                due.push(() => request.onStall());
            }
        }
        // Failing a request stops watching it: not while the array is being walked.
        for (const fail of due)
            fail();
    }
}
/**
 * Calls back every request sharing an AbortSignal when it aborts, with one listener on the
 * signal for as long as any request uses it (an EventTarget listener is costly to add and to
 * take off). A signal no request uses any more is let go, so per-file signals do not pile up.
 */
class AbortFanOut {
    bySignal = new Map();
    /**
     * Calls `onAbort` when the signal aborts (at once if it already has), until the returned
     * function is called.
     */
    watch(signal, onAbort) {
        if (signal.aborted) {
            onAbort();
            return noop;
        }
        const watchers = this.bySignal.get(signal) ?? this.listenTo(signal);
        // In an array by index, as the stall watch keeps its requests (see WatchEntry).
        const watcher = { abort: onAbort, index: watchers.list.length };
        watchers.list.push(watcher);
        return () => {
            if (!removeIndexed(watchers.list, watcher))
                return;
            if (watchers.list.length === 0 && this.bySignal.get(signal) === watchers) {
                this.bySignal.delete(signal);
                signal.removeEventListener('abort', watchers.listener);
            }
        };
    }
    listenTo(signal) {
        const watchers = {
            list: [],
            listener: () => {
                this.bySignal.delete(signal);
                for (const { abort } of [...watchers.list])
                    abort();
            }
        };
        this.bySignal.set(signal, watchers);
        signal.addEventListener('abort', watchers.listener, { once: true });
        return watchers;
    }
}
/**
 * Takes `item` out of `list`, where each item knows its index, by moving the last item into
 * its place: false if it was taken out before.
 */
function removeIndexed(list, item) {
    if (item.index < 0)
        return false;
    const last = list.pop();
    if (last !== item) {
        list[item.index] = last;
        last.index = item.index;
    }
    item.index = -1;
    return true;
}
const noop = () => undefined;

;// CONCATENATED MODULE: ./src/netiks/http.ts







/** A request that got no (complete) answer: the connection failed, was reset, or stalled. */
class TransportError extends Error {
    code;
    requestSent;
    constructor(
    /** An errno-style code: ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, … */
    code, message, 
    /**
     * Whether the whole request (headers and body) had been handed to the socket when it
     * failed. If not, the server cannot have acted on it; if so, it may have.
     */
    requestSent, options) {
        super(message, options);
        this.code = code;
        this.requestSent = requestSent;
        this.name = 'TransportError';
        this.proxy = options?.proxy;
    }
    /** The proxy's origin, when the failure was the proxy's: it could not be reached, or refused the tunnel. */
    proxy;
}
/** Raised for a request that made no progress for `stallTimeoutMs`. */
class StallError extends TransportError {
    constructor(ms, requestSent, message = `no progress for ${seconds(ms)}`) {
        super('ETIMEDOUT', message, requestSent);
        this.name = 'StallError';
    }
}
/**
 * Raised for an answer not complete `stallTimeoutMs` after the request went out whole: a
 * server that answers nothing, or one that trickles its answer and would otherwise hold the
 * request for ever.
 */
class AnswerTimeoutError extends StallError {
    constructor(ms, requestSent) {
        super(ms, requestSent, `no complete answer within ${seconds(ms)}`);
        this.name = 'AnswerTimeoutError';
    }
}
function seconds(ms) {
    return `${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`;
}
/** Of an error answer, only the start is kept: the server's words, not a whole HTML page. */
const MAX_KEPT_BODY_BYTES = 64 * 1024;
/**
 * A success is read whole, up to this: a generate answer lists a presigned URL per file, and
 * URLs signed with temporary credentials carry a session token of a kilobyte or two each.
 */
const MAX_KEPT_SUCCESS_BYTES = 16 * 1024 * 1024;
/**
 * A connection not made within this long is given up (`ECONNTIMEOUT`): the stall timer only
 * starts once a socket is connected, and a host that drops packets would otherwise hold each
 * attempt for the operating system's limit (about 2 minutes on Linux).
 */
const CONNECT_TIMEOUT_MS = 15_000;
/**
 * The longest wait for `100 Continue` before the body is sent anyway (curl waits 1 s too).
 * Never more than half the stall timeout, so the stall timer cannot fire during the wait.
 */
const CONTINUE_WAIT_MS = 1000;
/**
 * A URL's scheme and authority, when they settle its origin, else undefined: an empty authority
 * (`http:///h/`, which WHATWG parsing reads past to the next name), `@` or `\` in it, or a
 * space or control character (which parsing drops or trims: `http://\t/h/` is `http:///h/`)
 * mean they may not. Two URLs with the same settled origin have the same scheme, host, port
 * and credentials, whatever follows.
 */
function settledOrigin(url) {
    return ORIGIN.exec(url)?.[0];
}
// eslint-disable-next-line no-control-regex -- the control characters are what it must refuse
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^\x00-\x20/?#\\@]+(?=[/?#]|$)/i;
/** Failures that happen before a connection exists: nothing can have been sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * Sends requests over keep-alive connections. The agents come from @actions/http-client, so
 * the runner's proxy settings (https_proxy, http_proxy, no_proxy) apply exactly as in the
 * official actions; the request itself is driven here because streaming a file needs what
 * HttpClient.request does not give: abort, error propagation from the body, a stall timer,
 * 100-continue, and reading an answer the server gives before it has the whole body.
 */
class HttpTransport {
    options;
    // HttpClient caches one agent per instance, built for the first URL's scheme: keep one per scheme.
    agentSources = new Map();
    // Which agent an origin uses (direct or through the proxy) is decided once per origin.
    routes = new Map();
    connectMs;
    stalls;
    aborts = new AbortFanOut();
    /** Requests in flight per agent: beyond its sockets, some wait in its queue. */
    inFlight = new Map();
    constructor(options) {
        this.options = options;
        this.connectMs = Math.min(CONNECT_TIMEOUT_MS, options.stallTimeoutMs);
        this.stalls = new StallWatch(options.stallTimeoutMs, this.connectMs);
    }
    /**
     * Resolves with the server's answer whenever one arrived, even one given while the body was
     * still being sent (a refusal: the body then stops, and the write error that follows is not
     * reported). Rejects with a TransportError (StallError for a stall) when no answer arrived,
     * or with the body's own error (FileReadError, FileChangedError) when the file could not be
     * sent as it was found.
     */
    async send(request) {
        const body = request.body;
        // Read before the request exists: a file that cannot be read whole, or changed, fails
        // here with nothing sent (as a streamed body fails before its first byte).
        const whole = isBodyWriter(body) && request.expectContinue !== true ? body.readWhole?.() : undefined;
        if (whole === undefined)
            return await this.sendNow(request);
        const writer = body;
        return await this.sendNow({ ...request, body: whole }, () => writer.sentWhole?.());
    }
    /** `onFinish` is told once the whole request has been handed to the socket. */
    sendNow(request, onFinish) {
        const { module, host, port, agent, proxy } = this.routeFor(request.url);
        const body = request.body;
        const expectContinue = request.expectContinue === true && isBodyWriter(body);
        const { stallTimeoutMs } = this.options;
        return new Promise((resolve, reject) => {
            let settled = false;
            /** Every byte of the request handed to the socket: the server may have acted on it. */
            let requestSent = false;
            let answered = false;
            let continueTimer;
            // Set once the request is watched; an abort may settle it before (an aborted signal).
            let stopWatchingAbort;
            const settle = () => {
                settled = true;
                clearTimeout(continueTimer);
                this.inFlight.set(agent, (this.inFlight.get(agent) ?? 1) - 1);
                this.stalls.stop(watchEntry);
                stopWatchingAbort?.();
                gate?.stop();
            };
            const fail = (error) => {
                if (settled)
                    return;
                settle();
                req.destroy();
                reject(error);
            };
            /**
             * The connection failed. An answer that arrived before that wins: reading it decides.
             * (Node hands over what it read before it reports the failure, and closes the socket with
             * it, so waiting longer could not bring an answer: measured in transport.test.ts.)
             */
            const connectionFailed = (error) => {
                if (!answered || request.signal?.aborted)
                    fail(transportError(error, requestSent || allHanded(), proxy));
            };
            const req = module.request({
                method: request.method,
                host,
                port,
                path: rawPathAndQuery(request.url),
                headers: {
                    ...request.headers,
                    ...(expectContinue ? { expect: '100-continue' } : {}),
                    'user-agent': this.options.userAgent
                },
                agent
            });
            const gate = isBodyWriter(body) ? new BodyGate(req, expectContinue) : undefined;
            const declaredLength = Number(request.headers['content-length'] ?? request.headers['Content-Length'] ?? Infinity);
            // Once the last byte of the body is handed to Node (before end(), even), the server may
            // have it all: in doubt, the request counts as sent. Not before it has a connected
            // socket, though: until then Node holds everything.
            const allHanded = () => requestSent ||
                (req.socket != null &&
                    !req.socket.connecting &&
                    (req.writableEnded || (gate !== undefined && gate.handed >= declaredLength)));
            const watched = {
                req,
                mayBeQueued: () => (this.inFlight.get(agent) ?? 0) > this.options.maxSockets,
                onStall: () => fail(new StallError(stallTimeoutMs, allHanded())),
                onAnswerLate: () => fail(new AnswerTimeoutError(stallTimeoutMs, requestSent || allHanded())),
                onConnectTimeout: () => {
                    const through = proxy === undefined ? '' : ` through the proxy ${proxy}`;
                    fail(new TransportError('ECONNTIMEOUT', `no connection within ${seconds(this.connectMs)}${through}`, false));
                }
            };
            this.inFlight.set(agent, (this.inFlight.get(agent) ?? 0) + 1);
            const watchEntry = this.stalls.start(watched);
            // Cancelled as http.request's `signal` option does it, the request destroyed with an
            // AbortError, but through the transport's one listener per signal (see watch.ts): the
            // option adds a listener to every request and has stream.finished() watch the request to
            // take it off (transport.test.ts checks the two behave alike). Failed at once, too: a
            // request still waiting for a free socket hears of its destruction only when one frees.
            const signal = request.signal;
            if (signal !== undefined) {
                stopWatchingAbort = this.aborts.watch(signal, () => {
                    const error = abortError(signal.reason);
                    req.destroy(error);
                    connectionFailed(error);
                });
            }
            req.on('error', connectionFailed);
            req.on('finish', () => {
                requestSent = true;
                this.stalls.answering(watchEntry);
                onFinish?.();
            });
            req.on('response', response => {
                answered = true;
                this.stalls.answering(watchEntry);
                const early = !requestSent;
                // The server has answered: whatever is left of the body would only be refused.
                gate?.stop();
                const status = response.statusCode ?? 0;
                const limit = status >= 200 && status <= 299 ? MAX_KEPT_SUCCESS_BYTES : MAX_KEPT_BODY_BYTES;
                readLimited(response, limit, (text, complete) => {
                    if (settled)
                        return;
                    if (!complete && !early) {
                        return fail(new TransportError('ECONNRESET', 'the answer was cut off', requestSent));
                    }
                    settle();
                    // A request that was not sent whole leaves the connection unusable.
                    if (!requestSent || !complete)
                        req.destroy();
                    resolve({ status, headers: response.headers, body: text });
                });
            });
            if (gate === undefined || !isBodyWriter(body)) {
                req.end(body);
                return;
            }
            if (expectContinue) {
                const open = () => {
                    clearTimeout(continueTimer);
                    gate.open();
                };
                const startWaiting = () => {
                    clearTimeout(continueTimer);
                    continueTimer = setTimeout(open, Math.min(CONTINUE_WAIT_MS, stallTimeoutMs / 2));
                };
                req.once('continue', open);
                req.once('socket', socket => {
                    // The wait starts when the headers can leave: once the connection is up.
                    if (!socket.connecting)
                        return startWaiting();
                    socket.once(socket instanceof external_node_tls_namespaceObject.TLSSocket ? 'secureConnect' : 'connect', startWaiting);
                });
                req.flushHeaders();
            }
            body.writeTo(gate).then(() => {
                if (!settled && !gate.stopped)
                    req.end();
            }, (error) => {
                if (error instanceof FileReadError && !answered)
                    fail(error);
                else
                    connectionFailed(error);
            });
        });
    }
    /** Frees every pooled connection so the process can exit. */
    close() {
        for (const source of this.agentSources.values())
            source.dispose();
        this.agentSources.clear();
        this.routes.clear();
    }
    /**
     * Where a URL's requests go, worked out once per origin: a presigned URL is long to parse. A
     * URL whose start does not settle its origin (see settledOrigin) is parsed every time.
     */
    routeFor(url) {
        const origin = settledOrigin(url);
        let route = origin === undefined ? undefined : this.routes.get(origin);
        if (route === undefined) {
            const parsed = new URL(url);
            const secure = parsed.protocol === 'https:';
            const proxy = lib_getProxyUrl(parsed.href);
            route = {
                module: secure ? (external_node_https_default()) : (external_node_http_default()),
                host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
                port: parsed.port || (secure ? 443 : 80),
                agent: this.agentSourceFor(parsed).getAgent(parsed.href),
                // The origin only: a proxy URL may carry user:password.
                proxy: proxy === '' ? undefined : new URL(proxy).origin
            };
            if (origin !== undefined)
                this.routes.set(origin, route);
        }
        return route;
    }
    agentSourceFor(url) {
        let source = this.agentSources.get(url.protocol);
        if (source === undefined) {
            source = new lib_HttpClient(this.options.userAgent, [], {
                keepAlive: true,
                maxSockets: this.options.maxSockets,
                allowRedirects: false,
                allowRetries: false
            });
            this.agentSources.set(url.protocol, source);
        }
        return source;
    }
}
/**
 * Stands between a body writer and the request: holds the body while the server may still
 * refuse it (Expect: 100-continue), stops it the moment the server answers, and lets the event
 * loop poll the socket before each write the server could answer first.
 *
 * Why the poll: a server that refuses a body it is receiving answers and closes; its kernel
 * resets the connection. A write that meets the reset fails at once, and Node then closes the
 * socket with the answer still unread in it: no wait afterwards can bring it back. Reading the
 * socket before each write narrows that race; only Expect: 100-continue removes it. Measured
 * with a 64 MiB body and a server in another process that answers 403 after the headers and
 * resets: the answer was read in 5 to 12 tries of 30 before, 18 to 25 with the poll, 30 with
 * Expect (transport.test.ts holds the cases).
 */
class BodyGate extends external_node_events_namespaceObject.EventEmitter {
    req;
    stopped = false;
    /** Body bytes handed to the request so far. */
    handed = 0;
    release;
    queue;
    /** Whether the headers have left: from then on the server can answer before a write. */
    headersSent;
    pending = new Set();
    constructor(req, held) {
        super();
        this.req = req;
        this.queue = new Promise(resolve => (this.release = resolve));
        // A held body's headers were flushed on their own; otherwise they go with the first write.
        this.headersSent = held;
        if (!held)
            this.release();
    }
    get destroyed() {
        return this.stopped;
    }
    /** The server said to go on, or did not answer the Expect in time. */
    open() {
        this.release();
    }
    write(chunk, callback) {
        if (this.stopped) {
            process.nextTick(callback, stoppedError());
            return false;
        }
        const done = (error) => {
            if (this.pending.delete(done))
                callback(error);
        };
        this.pending.add(done);
        const poll = this.headersSent ? afterPoll : noWait;
        this.headersSent = true;
        this.queue = this.queue.then(poll).then(() => {
            if (this.stopped)
                return;
            this.handed += chunk.length;
            this.req.write(chunk, done);
        });
        return true;
    }
    /** No more body: the server answered, or the request is over. Pending writes fail now. */
    stop() {
        if (this.stopped)
            return;
        this.stopped = true;
        this.release();
        for (const done of [...this.pending])
            done(stoppedError());
        this.emit('close');
    }
}
/** Resolves after the event loop's next poll phase (setImmediate runs right after it). */
const afterPoll = () => new Promise(resolve => setImmediate(resolve));
const noWait = () => undefined;
const stoppedError = () => new Error('the request ended before its body was sent');
function isBodyWriter(body) {
    return body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
}
/** The error Node's own AbortSignal handling destroys a request with. */
function abortError(reason) {
    return Object.assign(new Error('The operation was aborted', { cause: reason }), {
        name: 'AbortError',
        code: 'ABORT_ERR'
    });
}
function transportError(error, requestSent, proxy) {
    if (error instanceof TransportError)
        return error;
    const tunnel = proxy === undefined ? undefined : tunnelError(error, proxy);
    if (tunnel !== undefined)
        return tunnel;
    const errno = error.code;
    const code = typeof errno === 'string' ? errno : 'ECONNRESET';
    return new TransportError(code, error.message, requestSent && !NOT_CONNECTED.has(code), { cause: error });
}
/**
 * A tunnel through the proxy that could not be made: the proxy's failure, not the target's.
 * The tunnel agent reports both as ECONNRESET, with the cause in its message only: the code
 * there (ECONNREFUSED, ENOTFOUND, …) is the one that says whether retrying can help.
 */
function tunnelError(error, proxy) {
    const tunnel = /^tunneling socket could not be established, (?:cause=([^\n]*)|statusCode=(\d+))/.exec(error.message);
    if (tunnel === null)
        return undefined;
    const [, cause, status] = tunnel;
    const what = status !== undefined ? `refused to open a tunnel (HTTP ${status})` : `could not be reached (${cause.trim()})`;
    const code = /\b(E[A-Z]+)\b/.exec(cause ?? '')?.[1] ?? 'ECONNRESET';
    return new TransportError(code, `the proxy ${proxy} ${what}`, false, { cause: error, proxy });
}
/**
 * Reads a response body, keeping at most `limit` bytes of it and draining the rest.
 * `complete` is false when the connection closed before the body ended.
 */
function readLimited(response, limit, done) {
    const chunks = [];
    let kept = 0;
    let finished = false;
    // Once: 'close' follows every 'end', and the text is made only for whichever comes first.
    const finish = (complete) => {
        if (finished)
            return;
        finished = true;
        const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        done(bytes.subarray(0, limit).toString('utf8'), complete);
    };
    response.on('data', (chunk) => {
        if (kept >= limit)
            return;
        chunks.push(chunk);
        kept += chunk.length;
    });
    response.once('end', () => finish(true));
    // Node destroys an answer cut off mid-body ("aborted"); 'close' then tells what arrived.
    response.on('error', () => undefined);
    response.once('close', () => finish(response.complete));
}
/**
 * The path and query exactly as written in the URL. WHATWG URL parsing may re-encode a path,
 * and a presigned URL's signature covers the path byte for byte.
 */
function rawPathAndQuery(url) {
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
    const rest = match?.[1] ?? '';
    if (rest === '')
        return '/';
    return rest.startsWith('?') ? `/${rest}` : rest;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/netiks/body.ts




/** Bytes read (and written) at a time. Large slices keep a single upload near the wire's speed. */
const SLICE_BYTES = 1024 * 1024;
/** Slices per body: some being read while others are being written (4 measured best). */
const SLICES_IN_FLIGHT = 4;
/**
 * The file's first `size` bytes (its size when it was found), hashed as they go. Memory stays
 * flat whatever the file's size: a fixed set of buffers is reused, and a buffer is refilled
 * only after the socket has taken its previous contents.
 *
 * A file that changed since it was found is never sent whole: its size and mtime are checked
 * when it is opened (before any byte is written) and again once its bytes have been read but
 * before the last of them is written, so the server sees an incomplete request and keeps nothing.
 * A file of one slice is written in one go once read, so the check after the read does for both.
 */
class FileBody {
    file;
    onSent;
    head;
    tail;
    length;
    hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    /** Set once the whole file went through `hash`: the digest, taken once. */
    digest;
    constructor(file, onSent = () => undefined, head = Buffer.alloc(0), tail = Buffer.alloc(0)) {
        this.file = file;
        this.onSent = onSent;
        this.head = head;
        this.tail = tail;
        this.length = head.length + file.size + tail.length;
    }
    sha256() {
        // Before the body is written whole (an answer that came early), what was hashed so far.
        return this.digest ?? this.hash.copy().digest('hex');
    }
    readWhole() {
        return this.file.size <= SLICE_BYTES ? this.readWholeFile() : undefined;
    }
    sentWhole() {
        if (this.file.size > 0)
            this.onSent(this.file.size);
    }
    async writeTo(sink) {
        if (this.file.size <= SLICE_BYTES) {
            const whole = this.readWholeFile();
            if (whole.length === 0)
                return;
            await writeChunk(sink, whole);
            return this.sentWhole();
        }
        const file = await this.openFile();
        try {
            await this.checkUnchanged(file, 'nothing');
            if (this.head.length > 0)
                await writeChunk(sink, this.head);
            await this.writeSlices(sink, file);
            this.digest = this.hash.digest('hex');
            if (this.tail.length > 0)
                await writeChunk(sink, this.tail);
        }
        finally {
            await file.close();
        }
    }
    /** A file of more than one slice, read asynchronously so that the other uploads keep moving. */
    async openFile() {
        const fail = (error) => {
            throw this.readError(error);
        };
        const fd = await openAsync(this.file.absolutePath, body_OPEN_FOR_READING).catch(fail);
        return {
            read: async (buffer, length, position) => (await readAsync(fd, buffer, 0, length, position).catch(fail)).bytesRead,
            stat: async () => await fstatAsync(fd).catch(fail),
            hasBytesPastItsSize: async () => {
                try {
                    return hasBytesPastItsSize(fd);
                }
                catch (error) {
                    return fail(error);
                }
            },
            close: async () => await closeAsync(fd)
        };
    }
    async writeSlices(sink, file) {
        const slices = Math.min(SLICES_IN_FLIGHT, Math.ceil(this.file.size / SLICE_BYTES));
        const free = Array.from({ length: slices }, () => Buffer.allocUnsafe(SLICE_BYTES));
        const writing = new Set();
        let offset = 0;
        try {
            while (offset < this.file.size) {
                if (free.length === 0)
                    await Promise.race(writing);
                const buffer = free.pop();
                const bytesRead = await file.read(buffer, Math.min(buffer.length, this.file.size - offset), offset);
                if (bytesRead === 0)
                    return await this.endedEarly(file, offset, 'all but the last slice');
                const slice = buffer.subarray(0, bytesRead);
                this.hash.update(slice);
                offset += bytesRead;
                // The last slice leaves only if the file is still the one that was found.
                if (offset === this.file.size)
                    await this.checkUnchanged(file, 'all but the last slice');
                const write = writeChunk(sink, slice).then(() => {
                    writing.delete(write);
                    free.push(buffer);
                    this.onSent(slice.length);
                });
                // Observed later (race, allSettled); marked handled now so a failure is never "unhandled".
                write.catch(() => undefined);
                writing.add(write);
            }
        }
        finally {
            // Let the writes already handed to the socket settle before the buffers and file go.
            await Promise.allSettled(writing);
        }
        await Promise.all(writing);
    }
    /**
     * The common case of many small files, kept free of the pipelining bookkeeping: head, file and
     * tail in one buffer, for one write that the socket takes at once. Nothing is written before
     * the file is read whole and checked, so one stat after the read is the only check, and the
     * read asks for one byte more than the file had: a byte there means it grew (the probe of the
     * last slice, without a read of its own). Synchronous: a few microseconds a call, where a
     * round trip through the thread pool costs tens, which adds up over many small files.
     */
    readWholeFile() {
        const fd = this.fileCall(() => (0,external_node_fs_namespaceObject.openSync)(this.file.absolutePath, body_OPEN_FOR_READING));
        try {
            return this.readChecked(fd);
        }
        finally {
            // A FileReadError, like any other error of the file's: a bare errno would read as the network's.
            this.fileCall(() => (0,external_node_fs_namespaceObject.closeSync)(fd));
        }
    }
    readChecked(fd) {
        const size = this.file.size;
        // Room for the probed byte: where the tail goes, or one byte past the body.
        const whole = Buffer.allocUnsafe(this.length + (this.tail.length > 0 ? 0 : 1));
        this.head.copy(whole);
        const bytes = whole.subarray(this.head.length, this.head.length + size + 1);
        let read = 0;
        try {
            do {
                const bytesRead = (0,external_node_fs_namespaceObject.readSync)(fd, bytes, read, size + 1 - read, read);
                if (bytesRead === 0)
                    break;
                read += bytesRead;
            } while (read < size);
        }
        catch (error) {
            // A folder or a FIFO in the file's place fails its read (EISDIR, ESPIPE): say what it is.
            if (!this.fileCall(() => (0,external_node_fs_namespaceObject.fstatSync)(fd)).isFile())
                throw this.notAFileError();
            throw this.readError(error);
        }
        const now = this.fileCall(() => (0,external_node_fs_namespaceObject.fstatSync)(fd));
        // Before any change: a device or a /proc file in the file's place is no file to send again.
        if (!now.isFile() || (read > now.size && this.fileCall(() => hasBytesPastItsSize(fd))))
            throw this.notAFileError();
        const change = this.describeChange(now.size, now.mtimeMs) ??
            (read < size ? this.endedAfter(read) : read > size ? this.grewPast() : undefined);
        if (change !== undefined)
            throw this.changedError(change, 'nothing');
        this.hash.update(bytes.subarray(0, size));
        this.digest = this.hash.digest('hex');
        this.tail.copy(whole, this.head.length + size);
        return whole.subarray(0, this.length);
    }
    /**
     * Compares the open file with the stat it was found with: size, mtime (when known) and, once
     * all but the last slice is sent, whether bytes follow where the file was expected to end
     * (metadata can lag).
     */
    async checkUnchanged(file, sent) {
        const now = await file.stat();
        if (!now.isFile() || (await file.hasBytesPastItsSize()))
            throw this.notAFileError();
        let change = this.describeChange(now.size, now.mtimeMs);
        if (change === undefined && sent !== 'nothing') {
            const probe = Buffer.allocUnsafe(1);
            if ((await file.read(probe, 1, this.file.size)) > 0)
                change = this.grewPast();
        }
        if (change !== undefined)
            throw this.changedError(change, sent);
    }
    describeChange(size, mtimeMs) {
        if (size > this.file.size)
            return `it grew from ${this.file.size} to ${size} bytes`;
        if (size < this.file.size)
            return `it shrank from ${this.file.size} to ${size} bytes`;
        if (this.file.mtimeMs !== undefined && mtimeMs !== this.file.mtimeMs) {
            return 'it was modified (same size, new modification time)';
        }
        return undefined;
    }
    /** The file ended before the size it was found with. */
    async endedEarly(file, read, sent) {
        const { size, mtimeMs } = await file.stat();
        throw this.changedError(this.describeChange(size, mtimeMs) ?? this.endedAfter(read), sent);
    }
    endedAfter(read) {
        return `it ended after ${read} of the ${this.file.size} bytes it had when it was found`;
    }
    /** Bytes follow where the file was expected to end, though its stat has not caught up. */
    grewPast() {
        return `it has more than the ${this.file.size} bytes it had when it was found`;
    }
    /** A synchronous file system call, its error as a FileReadError. */
    fileCall(call) {
        try {
            return call();
        }
        catch (error) {
            throw this.readError(error);
        }
    }
    /** Something other than a file (a folder, a FIFO, a device) took the file's name since it was found. */
    notAFileError() {
        return new FileReadError(`Could not read ${this.file.relativePath}: it is no longer a regular file (something else took its name ` +
            'after it was found). Nothing was sent or registered for it.');
    }
    readError(error) {
        return new FileReadError(`Could not read ${this.file.relativePath}: ${error.code ?? error.message}.`);
    }
    changedError(change, sent) {
        const name = this.file.relativePath;
        // No advice here: the file is sent again as it is now; the run advises once it gives up.
        return new FileChangedError(sent === 'nothing'
            ? `${name} changed after it was found: ${change}. Nothing was sent or registered for it.`
            : `${name} changed while it was being uploaded: ${change}. The upload was stopped before its ` +
                'last bytes, so the server kept nothing and nothing was registered for it.');
    }
}
/**
 * Read-only, and without waiting where the platform allows it (not Windows): a FIFO that took a
 * found file's name would otherwise block its open until something writes to it. No effect on
 * a regular file.
 */
const body_OPEN_FOR_READING = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
/**
 * Whether the open file reads bytes past the size its stat gives, and that size has not grown
 * meanwhile: a regular file never does (a write grows the size before its bytes can be read),
 * but a /proc or /sys file does (it says 0 bytes and makes its text up on each read).
 * Synchronous: one byte, only when a check already found something odd or at a large file's open.
 */
function hasBytesPastItsSize(fd) {
    const { size } = (0,external_node_fs_namespaceObject.fstatSync)(fd);
    const bytesRead = (0,external_node_fs_namespaceObject.readSync)(fd, Buffer.alloc(1), 0, 1, size);
    return bytesRead > 0 && (0,external_node_fs_namespaceObject.fstatSync)(fd).size <= size;
}
const openAsync = (0,external_node_util_namespaceObject.promisify)(external_node_fs_namespaceObject.open);
const readAsync = (0,external_node_util_namespaceObject.promisify)(external_node_fs_namespaceObject.read);
const fstatAsync = (0,external_node_util_namespaceObject.promisify)(external_node_fs_namespaceObject.fstat);
const closeAsync = (0,external_node_util_namespaceObject.promisify)(external_node_fs_namespaceObject.close);
/** Writes one chunk and waits until the sink has taken it (or has closed). */
function writeChunk(sink, chunk) {
    return new Promise((resolve, reject) => {
        if (sink.destroyed) {
            reject(new Error('the request closed before its body was sent'));
            return;
        }
        const onClose = () => reject(new Error('the request closed before its body was sent'));
        sink.once('close', onClose);
        sink.write(chunk, error => {
            sink.off('close', onClose);
            if (error)
                reject(error);
            else
                resolve();
        });
    });
}
/** `onSent` is told each time the socket has taken a slice of the file's bytes. */
function openFileBody(file, onSent) {
    return new FileBody(file, onSent);
}
/**
 * Django reads a part's headers with one 1024-byte read that starts at the CRLF ending the
 * boundary line; a part whose headers do not fit is not taken as a file at all.
 */
const DJANGO_PART_HEADER_BYTES = 1024 - 2;
/** A multipart/form-data body with one file field, with an exact length. */
function openMultipartBody(file, fieldName, onSent) {
    const boundary = `----NetiksUpload${(0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex')}`;
    const partHeaders = (filename) => `Content-Disposition: form-data; name="${fieldName}"; ${filename}\r\nContent-Type: ${file.contentType}\r\n\r\n`;
    let headers = partHeaders(formDataFilename(file.name));
    if (Buffer.byteLength(headers) > DJANGO_PART_HEADER_BYTES) {
        // With a name the file system allows (255 bytes at most), only one that also carries
        // filename* gets here; the fallback is what Django ignores, so it goes.
        headers = partHeaders(formDataFilename(file.name, { fallback: false }));
    }
    const head = Buffer.from(`--${boundary}\r\n${headers}`, 'utf8');
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
    const body = new FileBody(file, onSent, head, tail);
    return {
        length: body.length,
        writeTo: async (sink) => await body.writeTo(sink),
        sha256: () => body.sha256(),
        contentType: `multipart/form-data; boundary=${boundary}`
    };
}
/**
 * The Content-Disposition filename parameter(s) for `name`, written so that the Netiks backend
 * (Django's multipart parser, which DRF uses) records exactly `name`. Checked against Django
 * itself (__tests__/django-names.test.ts). Django:
 * - reads `filename="…"` as raw UTF-8 with `\\` and `\"` unescaped, but splits parameters at a
 *   `;` that follows an odd number of `"` characters, escaped or not, which loses the file;
 * - does not decode `%22` (the HTML form encoding of `"`, which RFC 7578 points to);
 * - reads RFC 5987 `filename*=UTF-8''…` (only with exactly two `'`), and when both are given
 *   keeps whichever comes last; busboy always prefers `filename*`;
 * - reads a part's headers from 1024 bytes, so sending both for every non-ASCII name would lose
 *   long names (60 emoji: 244 bytes raw, 732 percent-encoded) that raw UTF-8 alone carries;
 * - then html-unescapes the name (`&amp;` → `&`, `&copy2024` → `©2024`) and keeps what follows
 *   the last `/` or `\` (no encoding can save a name with a `\`).
 * So: raw UTF-8 in a quoted `filename` (what RFC 7578 and browsers send, and every server
 * reads); and for a name with `"` or a control character, which that cannot carry, the HTML
 * form encoding as a fallback and the exact name in a `filename*` after it, which RFC 7578
 * forbids but Django, busboy and Go's mime package read.
 */
function formDataFilename(name, options = {}) {
    const sent = escapeHtmlReferences(name);
    if (!Array.from(name).some(isUnquotable))
        return `filename="${quotedPairs(sent)}"`;
    const extended = `filename*=UTF-8''${encodeExtendedValue(sent)}`;
    if (options.fallback === false)
        return extended;
    const htmlFormEncoded = Array.from(sent, char => (isUnquotable(char) ? body_percentEncode(char) : char)).join('');
    return `filename="${quotedPairs(htmlFormEncoded)}"; ${extended}`;
}
/** What a quoted filename cannot carry to Django exactly: `"` (see above) and control characters. */
function isUnquotable(char) {
    return char === '"' || char < ' ' || char === '\x7f';
}
function quotedPairs(text) {
    return text.replace(/[\\"]/g, '\\$&');
}
/** RFC 5987 attr-char stays as it is; everything else is percent-encoded UTF-8. */
function encodeExtendedValue(text) {
    return text.replace(/[^A-Za-z0-9!#$&+\-.^_`|~]/gu, body_percentEncode);
}
function body_percentEncode(text) {
    return Array.from(Buffer.from(text, 'utf8'), byte => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
/**
 * The HTML entities Python's html.unescape decodes even without a closing `;` (and as the start
 * of a longer word: `&notes` → `¬es`), from Python's html.entities.html5.
 */
const BARE_ENTITIES = ('AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT ' +
    'Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN ' +
    'Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar ' +
    'ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt ' +
    'iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ' +
    'ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 ' +
    'szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml').split(' ');
/**
 * An `&` that html.unescape would decode: a numeric reference, anything shaped like a named one
 * with its `;` (a few more than the real names: harmless, as `&amp;` reads back as `&`), or a
 * bare entity.
 */
const DECODED_AMPERSAND = new RegExp(`&(?=#[0-9]|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]{0,31};|${BARE_ENTITIES.join('|')})`, 'g');
/** Django html-unescapes every uploaded file name: an `&` it would decode is sent as `&amp;`. */
function escapeHtmlReferences(name) {
    return name.replace(DECODED_AMPERSAND, '&amp;');
}

;// CONCATENATED MODULE: ./src/netiks/client.ts




const UPLOAD_FILE_PATH = '/api/v1/assets/developer-upload-file/';
const GENERATE_PRESIGNED_PATH = '/api/v1/assets/developer-generate-presigned-url/';
const SERVER_WORDS_MAX_CHARS = 300;
/**
 * PUT bodies larger than this are sent with `Expect: 100-continue`, as curl (from 1 MiB too)
 * and the AWS SDKs do for large bodies, so S3 refuses (expired, bad signature, too large)
 * before the body goes. A body of one slice goes in one write with the headers; what the
 * socket does not take at once libuv writes after reading the socket, so a refusal is read all
 * but always without the extra round trip per small file (30 of 30 on an idle machine; when a
 * reset wins on a busy one, the PUT fails as ECONNRESET with requestSent false, safe to retry).
 */
const EXPECT_CONTINUE_ABOVE_BYTES = SLICE_BYTES;
/** Presigned URLs point at one storage host or a few: a bound, not a tuning. */
const MAX_SAFE_ORIGINS = 32;
/**
 * The Netiks Uploads API, one method per call of the contract. Quiet and reusable: it logs
 * nothing and throws typed errors whose messages never carry the api key or a presigned
 * URL's query string.
 */
class NetiksClient {
    options;
    api;
    storage;
    /** Settled origins (scheme and authority) of presigned URLs found safe. */
    safeOrigins = new Set();
    constructor(options) {
        this.options = options;
        const transport = {
            userAgent: options.userAgent,
            maxSockets: options.concurrency,
            stallTimeoutMs: options.stallTimeoutMs
        };
        this.api = new HttpTransport(transport);
        this.storage = new HttpTransport(transport);
    }
    get baseUrl() {
        return this.options.baseUrl;
    }
    /** Mode 1: POST a multipart body; the server stores the file and returns the asset. */
    async uploadMultipart(body, options = {}) {
        const response = await this.callApi('upload', {
            method: 'POST',
            url: this.options.baseUrl + UPLOAD_FILE_PATH,
            headers: {
                'content-type': body.contentType,
                'content-length': body.length,
                ...idempotencyHeader(options.idempotencyKey)
            },
            body,
            signal: options.signal
        });
        return assetReplyFrom('upload', response);
    }
    /** Mode 2, step 1: one presigned PUT URL per file, in the order asked. */
    async generatePresignedUrls(files, signal) {
        const response = await this.callApi('generate', {
            method: 'POST',
            url: this.options.baseUrl + GENERATE_PRESIGNED_PATH,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ files }),
            signal
        });
        const parsed = parseJson('generate', response);
        if (!Array.isArray(parsed.presigned_urls)) {
            throw new ProtocolError('generate', 'generate answered without a presigned_urls list.');
        }
        for (const entry of parsed.presigned_urls)
            this.checkPresignedUrl('generate', entry);
        return parsed.presigned_urls;
    }
    /**
     * Mode 2, step 2: PUT the bytes to the presigned URL exactly as the server wrote it, with
     * exactly the content type it signed. Returns the ETag.
     */
    async putObject(entry, body, signal) {
        // Checked at generate already; checked again here so that no caller can send bytes to one.
        this.checkPresignedUrl('put', entry);
        const response = await this.send(this.storage, 'put', {
            method: 'PUT',
            url: entry.presigned_url,
            headers: { 'content-type': entry.content_type, 'content-length': body.length },
            body,
            expectContinue: body.length > EXPECT_CONTINUE_ABOVE_BYTES,
            signal
        });
        if (response.status < 200 || response.status > 299) {
            throwIfRedirect('put', entry.presigned_url, response);
            const words = this.serverWords(response);
            throw new HttpError('put', response.status, words, `put to ${redactUrl(entry.presigned_url)} failed with HTTP ${response.status}: ${words}`, parseRetryAfter(response.headers['retry-after']), s3ErrorCode(response.body));
        }
        return String(response.headers.etag ?? '');
    }
    /** Mode 2, step 3: register the uploaded object as an asset. */
    async confirmUpload(entry, fileSize, options = {}) {
        const confirm = {
            is_presigned: true,
            file_name: entry.file_name,
            storage_url: entry.storage_url,
            s3_path: entry.s3_path,
            content_type: entry.content_type,
            file_size: fileSize
        };
        const response = await this.callApi('confirm', {
            method: 'POST',
            url: this.options.baseUrl + UPLOAD_FILE_PATH,
            headers: { 'content-type': 'application/json', ...idempotencyHeader(options.idempotencyKey) },
            body: JSON.stringify(confirm),
            signal: options.signal
        });
        return assetReplyFrom('confirm', response);
    }
    close() {
        this.api.close();
        this.storage.close();
    }
    async callApi(step, request) {
        request.headers['x-api-key'] = this.options.apiKey;
        request.headers.accept = 'application/json';
        const response = await this.send(this.api, step, request);
        if (response.status >= 200 && response.status <= 299)
            return response;
        throwIfRedirect(step, request.url, response);
        const words = this.serverWords(response);
        if (response.status === 401 || response.status === 403) {
            throw new AuthError(step, response.status, words, this.options.baseUrl);
        }
        throw new HttpError(step, response.status, words, `${step} failed with HTTP ${response.status}: ${words}`, parseRetryAfter(response.headers['retry-after']));
    }
    async send(transport, step, request) {
        try {
            return await transport.send(request);
        }
        catch (error) {
            throw describeFailure(step, request, error);
        }
    }
    /**
     * A presigned URL is followed only as safely as the API was reached. The api key never goes
     * with it (only callApi sets x-api-key), but the file's bytes do, so an https API must not
     * hand them to plain http; and a presigned URL is signed in its query, so credentials in its
     * authority mean something rewrote it.
     */
    checkPresignedUrl(step, entry) {
        if (typeof entry?.presigned_url !== 'string')
            return; // pairEntries names an incomplete entry
        // Parsing never fails on what follows a settled origin, nor changes the scheme, host or
        // credentials: a URL starting with one found safe is safe (two parses of a long URL per file).
        const origin = settledOrigin(entry.presigned_url);
        if (origin !== undefined && this.safeOrigins.has(origin))
            return;
        const problem = presignedUrlProblem(entry.presigned_url, this.options.baseUrl);
        if (problem === undefined) {
            if (origin !== undefined && this.safeOrigins.size < MAX_SAFE_ORIGINS)
                this.safeOrigins.add(origin);
            return;
        }
        throw new InsecureUrlError(step, `generate answered a presigned URL for "${entry.file_name}" that ${problem}: ` +
            `${redactUrl(entry.presigned_url)} (query left out). Nothing was sent to it, and no other file was started. ` +
            'Check that base-url is the Netiks API itself and that nothing between rewrites its answers.');
    }
    /** The server's own words, short and with anything secret taken out. */
    serverWords(response) {
        return redactSecrets(describeServerError(response), this.options.apiKey);
    }
}
/** Errors whose own message says what happened better than their code alone. */
const SELF_DESCRIBED = new Set(['StallError', 'AnswerTimeoutError']);
function describeFailure(step, request, error) {
    if (request.signal?.aborted)
        return new CancelledError();
    const url = request.url;
    const code = errnoCode(error);
    if (code === 'EPROTO' && /wrong version number/i.test(error.message)) {
        return new WrongSchemeError(step, `${step} failed: ${safeOrigin(url)} does not speak TLS (EPROTO, "wrong version number"): most likely ` +
            `a port that speaks plain http was given an https URL. ${step === 'put' ? WRONG_SCHEME_PUT : WRONG_SCHEME_API}`);
    }
    const proxy = error.proxy;
    if (code !== undefined && typeof proxy === 'string') {
        return new NetworkError(step, code, `${step} failed: ${error.message}, on the way to ${safeOrigin(url)}. Check that the proxy is up ` +
            `and that the runner's ${url.startsWith('https:') ? 'https_proxy' : 'http_proxy'} (and no_proxy) setting is right.`, false, proxy);
    }
    if (code !== undefined) {
        const described = SELF_DESCRIBED.has(error.name) || code === 'ECONNTIMEOUT';
        const reason = described ? `${error.message}, aborted` : code;
        return new NetworkError(step, code, `${step} failed: network error (${reason}) talking to ${safeOrigin(url)}.`, requestSent(error));
    }
    // Body errors (the file changed or vanished) keep their own message.
    if (isError(error))
        return error;
    return new NetworkError(step, 'UNKNOWN', `${step} failed: ${String(error)}`);
}
const WRONG_SCHEME_API = 'Check base-url: use http:// for a plain-http server on this machine, or the port that serves https.';
const WRONG_SCHEME_PUT = 'The API hands out https presigned URLs to a port that speaks plain http: check its storage settings.';
/** Redirect statuses: the answer names a Location, which is not followed. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * A redirect is not followed: the api key and the file go only where base-url (or the API, for a
 * presigned URL) says. The error names where it pointed, without its query (which may carry a
 * signature), as URL parsing writes it (no raw control character).
 */
function throwIfRedirect(step, url, response) {
    if (!REDIRECTS.has(response.status))
        return;
    const location = response.headers.location;
    let where = 'nowhere (no Location header)';
    if (typeof location === 'string' && location !== '') {
        try {
            const target = new URL(location, url);
            where = `"${truncate(`${target.origin}${target.pathname}`)}"${target.search ? ' (query left out)' : ''}`;
        }
        catch {
            where = 'a Location that is not a URL';
        }
    }
    const advice = step === 'put'
        ? 'The storage the API hands out presigned URLs for redirected the upload: a bucket in another region answers so.'
        : 'If the API has moved (or serves only https), set base-url to where it is now.';
    throw new RedirectError(step, response.status, `${step} was answered HTTP ${response.status}, a redirect to ${where}: redirects are not followed, so that ` +
        `the api key and the files go only where ${step === 'put' ? 'the API said' : 'base-url says'}. ${advice}`);
}
/**
 * Whether the whole request had been written (the transport says); when it cannot say, assume
 * it had: the server may have acted on it.
 */
function requestSent(error) {
    const sent = error.requestSent;
    return typeof sent === 'boolean' ? sent : true;
}
function parseJson(step, response) {
    try {
        return JSON.parse(response.body);
    }
    catch {
        throw new ProtocolError(step, `${step} answered HTTP ${response.status} with a body that is not JSON: ` +
            truncate(redactSecrets(response.body.trim(), '')));
    }
}
function assetReplyFrom(step, response) {
    const asset = assetFrom(step, parseJson(step, response));
    const replayed = String(response.headers['idempotent-replayed'] ?? '').toLowerCase() === 'true';
    return { asset, replayed };
}
/**
 * The IETF httpapi draft's header: the same key on every retry of one call lets a server that
 * supports it answer a repeat with the first result instead of registering a second asset.
 */
function idempotencyHeader(key) {
    return key ? { 'idempotency-key': `"${key}"` } : {};
}
function assetFrom(step, response) {
    const asset = response?.asset;
    if (asset === undefined || asset === null || typeof asset.id !== 'string' || asset.id === '') {
        throw new ProtocolError(step, `${step} answered without an asset id, so the upload is not confirmed.`);
    }
    return asset;
}
/**
 * Reads the error formats the API and S3 use: DRF `{"detail": …}`, DRF field errors
 * `{"file": ["…"]}`, and S3's XML `<Error><Code>…</Code><Message>…</Message></Error>`.
 */
function describeServerError(response) {
    const text = response.body.trim();
    if (text === '')
        return '(no response body)';
    const xmlCode = s3ErrorCode(text);
    if (xmlCode !== undefined) {
        // Ceph radosgw, for one, gives a code and no message.
        const xmlMessage = /<Message>([^<]*)<\/Message>/.exec(text)?.[1]?.trim();
        return truncate(xmlMessage ? `${xmlCode}: ${xmlMessage}` : `${xmlCode} (no message)`);
    }
    try {
        return truncate(describeJsonError(JSON.parse(text)));
    }
    catch {
        return truncate(text.replace(/\s+/g, ' '));
    }
}
/** S3's error code (`AccessDenied`, …) from an XML error body, if it is one. */
function s3ErrorCode(body) {
    const code = /<Error>[\s\S]*?<Code>([^<]*)<\/Code>/.exec(body)?.[1]?.trim();
    return code ? code : undefined;
}
function describeJsonError(body) {
    if (typeof body === 'string')
        return body;
    if (Array.isArray(body))
        return body.map(describeJsonError).join('; ');
    if (body !== null && typeof body === 'object') {
        const record = body;
        if (typeof record.detail === 'string')
            return record.detail;
        if (typeof record.message === 'string' && Object.keys(record).length === 1)
            return record.message;
        return Object.entries(record)
            .map(([field, value]) => `${field}: ${describeJsonError(value)}`)
            .join('; ');
    }
    return JSON.stringify(body);
}
function truncate(text) {
    return text.length > SERVER_WORDS_MAX_CHARS ? `${text.slice(0, SERVER_WORDS_MAX_CHARS)}…` : text;
}
function redactSecrets(text, apiKey) {
    const withoutKey = apiKey ? text.split(apiKey).join('***') : text;
    return withoutKey.replace(/(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"<]*/gi, '$1***');
}
/**
 * Why a presigned URL must not be followed from an API at `baseUrl`, or undefined when it may:
 * an https API's bytes never go over plain http, and no URL carries `user:password@`.
 */
function presignedUrlProblem(url, baseUrl) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'is not a URL';
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        return `is not an http or https URL (${parsed.protocol})`;
    }
    if (parsed.username !== '' || parsed.password !== '') {
        return 'carries credentials in its authority (user:password@host)';
    }
    if (parsed.protocol === 'http:' && client_isHttps(baseUrl)) {
        return "is plain http while base-url is https, so the file's bytes would travel unencrypted";
    }
    return undefined;
}
function client_isHttps(url) {
    try {
        return new URL(url).protocol === 'https:';
    }
    catch {
        return false;
    }
}
/** A URL with its query string (the presigned signature) removed. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        return '(an unparseable URL)';
    }
}
function safeOrigin(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return '(an unparseable URL)';
    }
}
/** Errors from Node's core can come from another realm (as under jest), so no instanceof. */
function isError(error) {
    return typeof error === 'object' && error !== null && typeof error.message === 'string';
}
function errnoCode(error) {
    const code = isError(error) ? error.code : undefined;
    return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : undefined;
}

;// CONCATENATED MODULE: ./src/plan.ts



/** Files a plan cannot send, each with why: the run is refused before any request. */
class RefusedFilesError extends InputError {
    refused;
    constructor(message, refused) {
        super(message);
        this.refused = refused;
        this.name = 'RefusedFilesError';
    }
    /** Every file of the run as not uploaded: each refused one with why, the others as not started. */
    failures(files) {
        const reasons = new Map(this.refused.map(({ file, reason }) => [file.relativePath, reason]));
        return files.map(file => {
            const reason = reasons.get(file.relativePath);
            if (reason !== undefined)
                return { file, step: 'refused', message: reason };
            return {
                file,
                step: 'not-started',
                message: `not uploaded: the run was refused before any request, for ${countOf(reasons.size, 'other file')} it could not send (step 'refused')`
            };
        });
    }
}
/**
 * `auto` sends exactly one file under 10 MiB as a single multipart upload, and everything
 * else through presigned URLs. Throws when bulk mode would have to PUT a file larger than
 * S3 takes in one PUT.
 */
function choosePlan(requested, files) {
    const plan = pickStrategy(requested, files);
    if (plan.strategy === UploadMode.Bulk) {
        const tooLarge = files.filter(file => file.size > MAX_PUT_BYTES);
        if (tooLarge.length > 0) {
            throw new RefusedFilesError(`${tooLarge.map(file => `${file.relativePath} (${file.size} bytes)`).join(', ')} ` +
                `${tooLarge.length === 1 ? 'is' : 'are'} larger than 5 GiB, the most one presigned ` +
                'S3 PUT accepts. Upload such files with mode: single, or split them before uploading.', tooLarge.map(file => ({
                file,
                reason: `${file.size} bytes, more than the 5 GiB one presigned S3 PUT accepts: upload it with mode: single, ` +
                    'or split it before uploading.'
            })));
        }
    }
    return plan;
}
/**
 * The Netiks backend reads a single upload's file name with Django's multipart parser, which
 * keeps only what follows the last `/` or `\\`: such a name cannot survive single mode.
 */
function losesFoldersInSingleMode(file) {
    return /[/\\]/.test(file.name);
}
function pickStrategy(requested, files) {
    const folded = files.filter(losesFoldersInSingleMode);
    if (requested === UploadMode.Single) {
        if (folded.length > 0) {
            throw new RefusedFilesError(`mode: single cannot keep the name "${folded[0].name}"` +
                (folded.length > 1 ? ` (nor ${folded.length - 1} more)` : '') +
                ": the Netiks API reads a single upload's file name with a multipart parser that keeps only the part " +
                'after the last / or \\. Use mode: bulk or auto (the presigned flow keeps the whole name), or ' +
                'asset-name: basename.', folded.map(file => ({
                file,
                reason: `mode: single cannot keep the name "${file.name}": the Netiks API keeps only the part after its last ` +
                    '/ or \\. Use mode: bulk or auto, or asset-name: basename.'
            })));
        }
        return { strategy: UploadMode.Single, reason: 'mode: single' };
    }
    if (requested === UploadMode.Bulk)
        return { strategy: UploadMode.Bulk, reason: 'mode: bulk' };
    if (files.length === 1 && files[0].size < AUTO_SINGLE_MAX_BYTES) {
        if (folded.length > 0) {
            return { strategy: UploadMode.Bulk, reason: 'mode: auto, a name with a folder, which only bulk mode keeps' };
        }
        return { strategy: UploadMode.Single, reason: 'mode: auto, one file under 10 MiB' };
    }
    return {
        strategy: UploadMode.Bulk,
        reason: files.length === 1 ? 'mode: auto, one file of 10 MiB or more' : `mode: auto, ${files.length} files`
    };
}

;// CONCATENATED MODULE: ./src/report/log.ts


/**
 * Per-file lines of one kind shown in the log before they give way to periodic progress. With
 * step debug logging (the ACTIONS_STEP_DEBUG secret, which sets RUNNER_DEBUG) every line is
 * still written, as a debug line.
 */
const PER_FILE_LINES = 100;
/** GitHub shows about 10 annotations of a kind per step: more would only bury the first ones. */
const MAX_ANNOTATIONS = 10;
/**
 * One kind of per-file line ("✓ a.html … → asset 42"): the first `limit` go to the log, the
 * rest only to the debug log, and `close` says how many were left out.
 */
class PerFileLines {
    what;
    limit;
    debug;
    count = 0;
    constructor(
    /** What the lines are, for the closing line: "confirmed files", "retries". */
    what, limit = PER_FILE_LINES, debug = isDebug()) {
        this.what = what;
        this.limit = limit;
        this.debug = debug;
    }
    /** A line, or what makes it: made only when it is written (100,000 are not, without debug). */
    line(text) {
        this.count++;
        if (this.count <= this.limit)
            info(typeof text === 'string' ? text : text());
        else if (this.debug)
            core_debug(typeof text === 'string' ? text : text());
    }
    /** Writes, once, how many lines were not shown; returns that number. */
    close() {
        const hidden = Math.max(0, this.count - this.limit);
        if (hidden > 0 && !this.debug) {
            info(`… and ${countOf(hidden, 'more line')} of ${this.what}, not shown: ` +
                'enable step debug logging (re-run with debug logging, or set the ACTIONS_STEP_DEBUG secret) to see every one.');
        }
        this.count = Math.min(this.count, this.limit);
        return hidden;
    }
}
/**
 * Warnings of one kind, one per file (a file changed while it waited, …): the first few are
 * annotations, the rest are per-file log lines, and `close` adds one warning with the count.
 */
class CappedWarnings {
    what;
    limit;
    count = 0;
    overflow;
    constructor(what, limit = MAX_ANNOTATIONS) {
        this.what = what;
        this.limit = limit;
        this.overflow = new PerFileLines(what);
    }
    warn(text) {
        this.count++;
        if (this.count <= this.limit)
            warning(text);
        else
            this.overflow.line(`Warning: ${text}`);
    }
    close() {
        this.overflow.close();
        if (this.count > this.limit) {
            warning(`${countOf(this.count - this.limit, 'more warning')} of ${this.what}: see the log.`);
        }
        this.count = 0;
    }
}

;// CONCATENATED MODULE: ./src/transfer/retry.ts

const RETRY_AFTER_CAP_MS = 60_000;
/** Throttling answers a call may meet before it fails, beside its `retries`. */
const DEFAULT_THROTTLE_RETRIES = 8;
function defaultRetryPolicy(retries, baseDelayMs = 1000) {
    return {
        retries,
        throttleRetries: DEFAULT_THROTTLE_RETRIES,
        baseDelayMs,
        maxDelayMs: 30_000,
        maxRetryAfterMs: RETRY_AFTER_CAP_MS,
        random: Math.random
    };
}
/** The server asked us to slow down: nothing was done with the request. */
const THROTTLE_STATUSES = new Set([429, 503]);
/** The request timed out before the server read it whole: nothing was done with it. */
const NOT_APPLIED_STATUSES = new Set([408, ...THROTTLE_STATUSES]);
/** The server (or a gateway before it) failed: it may have acted before it failed. */
const AMBIGUOUS_STATUSES = new Set([500, 502, 504]);
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNTIMEOUT',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'ESOCKETTIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'ERR_STREAM_PREMATURE_CLOSE',
    'HPE_INVALID_CONSTANT'
]);
/** No connection could be made at all: the request never left. */
const UNREACHABLE_CODES = new Set([
    'ECONNREFUSED',
    'ECONNTIMEOUT',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH'
]);
function classifyFailure(error) {
    if (error instanceof HttpError) {
        if (NOT_APPLIED_STATUSES.has(error.status))
            return 'not-applied';
        // The IETF idempotency draft's answer while the first request with the same key is still
        // being processed: this one was not applied, and a later retry gets the first's answer.
        if (error.status === 409 && (error.step === 'upload' || error.step === 'confirm'))
            return 'not-applied';
        if (AMBIGUOUS_STATUSES.has(error.status))
            return 'ambiguous';
        return 'final';
    }
    if (error instanceof NetworkError) {
        if (!RETRYABLE_CODES.has(error.code) && !/socket hang up/i.test(error.message))
            return 'final';
        if (UNREACHABLE_CODES.has(error.code) || !error.requestSent)
            return 'not-applied';
        return 'ambiguous';
    }
    if (error instanceof FileChangedError)
        return 'not-applied';
    return 'final';
}
/** Transient failures: the network, timeouts, throttling, 5xx gateways, a file still being written. */
function isRetryable(error) {
    return classifyFailure(error) !== 'final';
}
function isThrottled(error) {
    return error instanceof HttpError && THROTTLE_STATUSES.has(error.status);
}
/** No connection could be made: the host or port is wrong, or nothing is listening. */
function isUnreachable(error) {
    return error instanceof NetworkError && UNREACHABLE_CODES.has(error.code);
}
/**
 * Milliseconds to wait before retry number `retry` (1-based): the server's Retry-After when it
 * gave one (capped), else exponential backoff with full jitter.
 */
function retryDelayMs(retry, error, policy) {
    const retryAfter = error instanceof HttpError ? error.retryAfterMs : undefined;
    if (retryAfter !== undefined)
        return Math.min(retryAfter, policy.maxRetryAfterMs);
    const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.floor(policy.random() * window);
}
/**
 * Runs `attempt` until it succeeds, fails for good, or its budgets run out: `retries` for
 * failures, `throttleRetries` more for throttling answers. Each attempt gets a fresh call, so
 * a body is re-opened and streamed again from its start.
 */
async function withRetries(attempt, policy, hooks = {}) {
    let failures = 0;
    let throttled = 0;
    for (let attemptNumber = 1;; attemptNumber++) {
        try {
            return await attempt(attemptNumber);
        }
        catch (error) {
            const kind = classifyFailure(error);
            if (!(error instanceof CancelledError))
                hooks.onFailure?.(kind, error);
            if (kind === 'final' || hooks.signal?.aborted)
                throw error;
            const throttle = isThrottled(error) && throttled < policy.throttleRetries;
            if (throttle)
                throttled++;
            else if (failures++ >= policy.retries)
                throw error;
            const delay = retryDelayMs(throttle ? throttled : failures, error, policy);
            hooks.onRetry?.(attemptNumber, delay, error);
            await sleep(delay, hooks.signal);
        }
    }
}
/** Waits, but ends at once (with CancelledError) when the signal fires. */
async function sleep(ms, signal) {
    if (signal?.aborted)
        throw new CancelledError();
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new CancelledError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/transfer/breaker.ts


/** Every request goes to one API: a 404 from a documented endpoint means base-url is wrong. */
class WrongBaseUrlError extends Error {
    constructor(baseUrl, error) {
        super(`The Netiks API at ${baseUrl} answered HTTP 404 to ${error.step} (${error.serverMessage}): ` +
            "base-url is probably wrong. Give the URL the API's /api/v1/ paths follow, without /api/v1: its origin, " +
            'such as https://prod.backend.netikscloud.com, or the path a reverse proxy serves it under, such as ' +
            'https://proxy.example/netiks. No other file was started.');
        this.name = 'WrongBaseUrlError';
    }
}
/** No connection could be made even after the retries: every other file would fail alike. */
class UnreachableError extends Error {
    constructor(error) {
        const check = error.proxy === undefined
            ? ' Check base-url, that the server is up, and the runner’s proxy settings (https_proxy, no_proxy).'
            : '';
        super(`${error.message} No connection could be made after every retry, so no other file was started.${check}`);
        this.name = 'UnreachableError';
    }
}
/** Several files in a row failed the same transient way, after every retry, with none uploaded between. */
class RepeatedFailureError extends Error {
    constructor(files, last) {
        super(`The last ${files} files failed the same way after every retry, with none uploaded in between ` +
            `(${errorMessage(last)}): the server is failing or throttling every request. No other file was ` +
            'started; try again later, or lower concurrency.');
        this.name = 'RepeatedFailureError';
    }
}
/** The cause of a transient failure, to tell a streak of the same one; undefined for a file's own. */
function transientCause(error) {
    if (error instanceof HttpError)
        return [408, 429, 500, 502, 503, 504].includes(error.status) ? `HTTP ${error.status}` : undefined;
    if (error instanceof NetworkError)
        return error.code;
    return undefined;
}
/** Files failing in a row from one transient cause that stop the run: at least a full pool of them. */
function repeatedFailureLimit(concurrency) {
    return Math.max(concurrency, 5);
}
/**
 * A failure that says the whole run cannot succeed — the key is refused, the API is not where
 * base-url points, nothing answers, an https port speaks plain http, a redirect (every request
 * there would get it), the API hands out presigned URLs that are not followed — as the error
 * that stops the run; undefined for a failure of this file alone.
 */
function systemicCause(error, baseUrl) {
    if (error instanceof AuthError || error instanceof InsecureUrlError)
        return error;
    if (error instanceof RedirectError || error instanceof WrongSchemeError)
        return error;
    if (error instanceof HttpError && error.status === 404 && error.step !== 'put') {
        return new WrongBaseUrlError(baseUrl, error);
    }
    if (isUnreachable(error))
        return new UnreachableError(error);
    return undefined;
}
/** Stops a run at once, with one error that names the cause instead of one per file. */
function isSystemic(error) {
    return (error instanceof AuthError ||
        error instanceof InsecureUrlError ||
        error instanceof RedirectError ||
        error instanceof WrongSchemeError ||
        error instanceof WrongBaseUrlError ||
        error instanceof UnreachableError ||
        error instanceof RepeatedFailureError);
}

;// CONCATENATED MODULE: ./src/transfer/held.ts


/** Everything in memory: for a handful of files, and for tests. */
function holdInMemory(upload) {
    const { assetId, storageUrl, contentType, sha256 } = upload;
    return {
        file: upload.file,
        recordedName: upload.recordedName,
        possibleDuplicate: upload.possibleDuplicate,
        details: () => ({ assetId, storageUrl, contentType, sha256 })
    };
}
/**
 * The details of every confirmed file past the first `inMemory`, written to a file as they are
 * confirmed and read back for the report, so that memory does not grow with the number of
 * files: an asset's id, storage URL and sha256 take some 300 bytes of heap each, 30 MiB at
 * 100,000 files, and a garbage-collected heap holds about twice its live size. The first ones
 * stay in memory (a bounded MiB or so): the write and the four or five reads the report makes
 * of each record cost a run of a thousand small files about 4 % of its CPU. Writes and reads
 * are synchronous: a line of a few hundred bytes to a local file costs microseconds, and a
 * confirmed file is then on disk before anything else runs, whenever the run is cut short.
 */
class DetailsSpool {
    path;
    onFallback;
    inMemory;
    fd;
    end = 0;
    closed = false;
    failed = false;
    /** Confirmed uploads held in memory so far, up to `inMemory`. */
    heldInMemory = 0;
    /** Reads back only what was written whole: nothing at or after `end`. */
    reader;
    constructor(path, 
    /** Told once, when a write fails and confirmed uploads are kept in memory from then on. */
    onFallback = () => undefined, 
    /** Confirmed uploads kept in memory before the spool takes the rest. */
    inMemory = 0) {
        this.path = path;
        this.onFallback = onFallback;
        this.inMemory = inMemory;
        this.fd = (0,external_node_fs_namespaceObject.openSync)(path, 'w+', 0o600);
        this.reader = new WindowedReader(this.fd, `the details spool ${path}`, () => this.end);
    }
    /**
     * Writes the details and hands back a handle; if the spool cannot be written (disk full, an
     * I/O error), keeps this and every later upload in memory instead: a confirmed asset is
     * never lost because the spool failed. A record is only ever read once written whole.
     */
    hold = upload => {
        if (this.heldInMemory < this.inMemory) {
            this.heldInMemory++;
            return holdInMemory(upload);
        }
        if (this.failed || this.closed)
            return holdInMemory(upload);
        const line = Buffer.from(`${JSON.stringify([upload.assetId, upload.storageUrl, upload.contentType, upload.sha256])}\n`);
        try {
            for (let done = 0; done < line.length;) {
                done += (0,external_node_fs_namespaceObject.writeSync)(this.fd, line, done, line.length - done, this.end + done);
            }
        }
        catch (error) {
            // Nothing at or after `end` is ever read: a partial line there is harmless.
            this.failed = true;
            this.onFallback(error);
            return holdInMemory(upload);
        }
        const held = new SpooledUpload(this, upload.file, upload.recordedName, upload.possibleDuplicate, this.end, line.length - 1);
        this.end += line.length;
        return held;
    };
    /**
     * The details written at `offset`. The report reads every record several times over (outputs,
     * assets file, checksums, summary), in path order, which is close to the order they were
     * written in: a record is cut from a window of the file read in one call, rather than read
     * with one call of its own each (a thousand files were five thousand reads).
     */
    read(offset, length) {
        if (this.closed)
            throw new Error('the details spool was read after it was closed');
        const [assetId, storageUrl, contentType, sha256] = JSON.parse(this.reader.text(offset, length));
        return { assetId, storageUrl, contentType, sha256 };
    }
    /** Closes and removes the file; only once the report is written. */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        this.reader.clear();
        (0,external_node_fs_namespaceObject.closeSync)(this.fd);
        (0,external_node_fs_namespaceObject.rmSync)(this.path, { force: true });
    }
}
/** One confirmed file whose details are in the spool: a few fields, no strings of its own. */
class SpooledUpload {
    spool;
    file;
    recordedName;
    possibleDuplicate;
    offset;
    length;
    constructor(spool, file, recordedName, possibleDuplicate, offset, length) {
        this.spool = spool;
        this.file = file;
        this.recordedName = recordedName;
        this.possibleDuplicate = possibleDuplicate;
        this.offset = offset;
        this.length = length;
    }
    details() {
        return this.spool.read(this.offset, this.length);
    }
}

;// CONCATENATED MODULE: ./src/transfer/outcome.ts





/** Raised into `stoppedBy` when fail-fast ends a run. */
class FailFastError extends Error {
    file;
    constructor(file) {
        super(`fail-fast: stopped starting new files after ${file.relativePath} failed`);
        this.file = file;
        this.name = 'FailFastError';
    }
}
/**
 * What each file became while a run goes on. It decides when the run must stop early — a
 * systemic failure would fail every file alike, a cancelled run starts nothing, fail-fast
 * stops after the first failure — and can report at any moment, even mid-run: a file whose
 * asset-creating request is out and unanswered is then reported as possibly existing.
 */
class OutcomeRecorder {
    files;
    options;
    hold;
    confirmed = [];
    failed = [];
    /** Keyed by relative path: a file that changed is sent as a fresh copy of its record. */
    settled = new Set();
    awaitingAnswer = new Map();
    /** Files failed in a row from one transient cause, with none confirmed since. */
    streak;
    stoppedBy;
    constructor(files, options, 
    /** Where confirmed uploads are kept until the report (see DetailsSpool). */
    hold = holdInMemory) {
        this.files = files;
        this.options = options;
        this.hold = hold;
    }
    shouldStop() {
        if (this.options.signal?.aborted)
            this.stoppedBy ??= new CancelledError();
        return this.stoppedBy !== undefined;
    }
    /** The file's asset-creating request is out (or no longer): if the run ends now, it may exist. */
    awaiting(file, request) {
        if (request === undefined)
            this.awaitingAnswer.delete(file.relativePath);
        else
            this.awaitingAnswer.set(file.relativePath, request);
    }
    confirm(upload) {
        if (this.settled.has(upload.file.relativePath))
            return;
        // Kept before the file counts as settled: a confirmed asset must reach the report, whatever
        // happens to where it is kept (the spool falls back to memory by itself; this is the last net).
        let held;
        try {
            held = this.hold(upload);
        }
        catch {
            held = holdInMemory(upload);
        }
        this.settled.add(upload.file.relativePath);
        this.awaitingAnswer.delete(upload.file.relativePath);
        this.streak = undefined;
        this.confirmed.push(held);
        this.options.onConfirmed?.(upload);
    }
    /** `note` adds to the error's message, e.g. that an earlier attempt may have been registered. */
    fail(file, step, error, note = '') {
        if (this.settled.has(file.relativePath))
            return;
        this.settled.add(file.relativePath);
        this.awaitingAnswer.delete(file.relativePath);
        const systemic = systemicCause(error, this.options.baseUrl) ?? this.repeatedFailure(error);
        if (systemic)
            this.stoppedBy ??= systemic;
        if (error instanceof CancelledError || this.options.signal?.aborted)
            this.stoppedBy ??= new CancelledError();
        if (this.options.failFast)
            this.stoppedBy ??= new FailFastError(file);
        const failure = {
            file,
            step,
            status: error instanceof HttpError ? error.status : undefined,
            message: [errorMessage(error), note, advice(error)].filter(Boolean).map(withStop).join(' ')
        };
        this.failed.push(failure);
        this.options.onFailed?.(failure);
    }
    /** A streak of files failing from one transient cause, long enough to say the server is down. */
    repeatedFailure(error) {
        const cause = transientCause(error);
        if (cause === undefined || this.options.signal?.aborted) {
            this.streak = undefined;
            return undefined;
        }
        this.streak = this.streak?.cause === cause ? { cause, files: this.streak.files + 1 } : { cause, files: 1 };
        if (this.streak.files < repeatedFailureLimit(this.options.concurrency))
            return undefined;
        return new RepeatedFailureError(this.streak.files, error);
    }
    /** The outcome so far, in file order; files not settled yet are reported as unknown or not started. */
    result() {
        // A run cancelled after its last file had started (its confirms were waited for) was still cancelled.
        this.shouldStop();
        // The files are in path order: sorting by path puts everything in file order, with no index.
        const byFileOrder = (a, b) => compareText(a.file.relativePath, b.file.relativePath);
        const reason = notStartedReason(this.stoppedBy);
        const unsettled = this.files
            .filter(file => !this.settled.has(file.relativePath))
            .map(file => {
            const request = this.awaitingAnswer.get(file.relativePath);
            if (request === undefined)
                return { file, step: 'not-started', message: reason };
            return { file, step: `${request}-unknown`, message: unansweredMessage(request) };
        });
        return {
            confirmed: [...this.confirmed].sort(byFileOrder),
            failed: [...this.failed, ...unsettled].sort(byFileOrder),
            stoppedBy: this.stoppedBy
        };
    }
}
/** What to do about a file that failed for good, where the error itself cannot say it (it is also retried). */
function advice(error) {
    return error instanceof FileChangedError
        ? 'It was still changing on the last attempt: upload it again once it is complete.'
        : '';
}
function unansweredMessage(request) {
    return (`the ${request} request was sent, but the run ended before Netiks answered it: the asset may exist ` +
        'on Netiks. Check before uploading this file again.');
}
function notStartedReason(stoppedBy) {
    if (stoppedBy instanceof CancelledError)
        return 'not uploaded: the run was cancelled first';
    if (stoppedBy instanceof AuthError)
        return 'not uploaded: the api-key was rejected';
    if (stoppedBy instanceof FailFastError)
        return `not uploaded: ${stoppedBy.message}`;
    if (stoppedBy !== undefined)
        return `not uploaded: the run stopped first (${stoppedBy.name})`;
    return 'not uploaded: the run ended before this file finished';
}
/** The step an error names, else the step the strategy was in. */
function stepOf(error, fallback) {
    if (error instanceof UntrustedAnswerError)
        return `${error.request}-unknown`;
    if (error instanceof HttpError || error instanceof NetworkError || error instanceof ProtocolError) {
        return error.step;
    }
    return fallback;
}
/**
 * An asset-creating call succeeded, but its answer contradicts what was sent or holds a value
 * that could pass for something else in a log or a shell (see answerProblem). The asset may
 * exist; nothing from this answer reaches the outputs or the manifest, and the file is
 * reported as `upload-unknown` or `confirm-unknown`. Not retried: a repeat could register the
 * file a second time.
 */
class UntrustedAnswerError extends ProtocolError {
    request;
    constructor(request, problem) {
        super(request, `Netiks answered the ${request} with ${problem}, so the upload is not confirmed. The asset may exist on ` +
            'Netiks: check before uploading this file again.');
        this.request = request;
        this.name = 'UntrustedAnswerError';
    }
}
/** The confirmed upload, once nothing in the server's answer is untrusted; else UntrustedAnswerError. */
function checkedAnswer(request, asset, upload) {
    const problem = answerProblem(asset, upload);
    if (problem !== undefined)
        throw new UntrustedAnswerError(request, problem);
    return upload;
}
/**
 * An asset id, as a shell pipeline may print it on a line of its own (`jq -r '.[]'`): letters
 * and digits first, then no white space, control character or anything a workflow command
 * needs (`::` first on a line, `##[`). A UUID, a number or a slug all fit.
 */
/**
 * What is wrong with a server's answer, or undefined when it can be trusted into the outputs:
 * every value the record takes from the answer (id, recorded name, storage URL, content type)
 * is inert text, and the answer agrees with what was sent (`file_size` is the bytes sent). A
 * recorded name may hold what the name sent held, or its last segment, as Django keeps it.
 */
function answerProblem(asset, upload) {
    const { file, assetId, recordedName, storageUrl, contentType } = upload;
    if (!isPlainAssetId(assetId)) {
        return `an asset id that is not a plain id (letters and digits, then . _ ~ : + = / -, at most 256): ${shown(assetId)}`;
    }
    if (asset.asset_name !== undefined && asset.asset_name !== null && typeof asset.asset_name !== 'string') {
        return `asset ${assetId} with an asset_name that is not text (${shown(asset.asset_name)})`;
    }
    const size = asset.file_size;
    if (size !== undefined && size !== null && size !== file.size) {
        return `asset ${assetId} of file_size ${shown(size)}, but ${countOf(file.size, 'byte')} ${file.size === 1 ? 'was' : 'were'} sent`;
    }
    if (typeof recordedName !== 'string' || !(isNameSent(recordedName, file.name) || isInertText(recordedName))) {
        return (`asset ${assetId} recorded under the name ${shown(recordedName)}, which holds what could pass for a line ` +
            `or a workflow command of its own, and the name sent (${shown(file.name)}) did not`);
    }
    if (typeof storageUrl !== 'string' || !isInertText(storageUrl)) {
        return `asset ${assetId} with a storage_url that is not inert text (${shown(storageUrl)})`;
    }
    if (typeof contentType !== 'string' || !isInertText(contentType)) {
        return `asset ${assetId} with a content type that is not inert text (${shown(contentType)})`;
    }
    return undefined;
}
/** The name sent, or what Django keeps of it: the part after its last `/` or `\`. */
function isNameSent(recorded, sent) {
    return recorded === sent || sent.endsWith(`/${recorded}`) || sent.endsWith(`\\${recorded}`);
}
/** A value from the server in a message: JSON (so its type shows), cut short. Escaped where it is written. */
function shown(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
/** The name the server says it recorded, else the name that was sent. */
function recordedNameOf(file, asset) {
    // The sent name itself when they agree, so that 100,000 records do not hold each name twice.
    return typeof asset.asset_name === 'string' && asset.asset_name !== '' && asset.asset_name !== file.name
        ? asset.asset_name
        : file.name;
}

;// CONCATENATED MODULE: ./src/transfer/asset-call.ts



/** The asset call failed for good after an attempt that may have registered the asset. */
class MaybeRegisteredError extends Error {
    request;
    last;
    constructor(request, last) {
        super(`An earlier ${request} attempt may have registered the asset on Netiks: check before uploading again.`);
        this.request = request;
        this.last = last;
        this.name = 'MaybeRegisteredError';
    }
}
/**
 * Runs an asset-creating call with retries, exactly once where the server allows it and
 * honestly where it does not. Every attempt carries the same Idempotency-Key. A failure that
 * proves the request had no effect is simply retried; an ambiguous one (the request was sent,
 * its answer never came or was a 500/502/504) is retried too, since a missing asset is worse
 * than a duplicate, but the result is then marked as a possible duplicate. The recorder is
 * told while the request is out, so that a run ending early reports the file as possibly
 * registered rather than not uploaded.
 */
async function callCreatingAsset(request, file, attempt, context) {
    const { recorder, options } = context;
    const idempotencyKey = (0,external_node_crypto_namespaceObject.randomUUID)();
    let ambiguous = false;
    const hooks = {
        signal: context.signal,
        onFailure: kind => {
            if (kind === 'ambiguous')
                ambiguous = true;
            if (!ambiguous)
                recorder.awaiting(file, undefined);
        },
        onRetry: (retry, delay, error) => options.onRetry?.(file, request, retry, delay, error)
    };
    try {
        const reply = await withRetries(async () => await attempt(idempotencyKey, () => recorder.awaiting(file, request)), options.retry, hooks);
        return { reply, possibleDuplicate: ambiguous && !reply.replayed };
    }
    catch (error) {
        // A 2xx the client cannot read was still a success on the server's side.
        if (ambiguous || error instanceof ProtocolError)
            throw new MaybeRegisteredError(request, error);
        throw error;
    }
}
/** The step a failed asset call is reported under, and the note that goes with it. */
function failureOfAssetCall(error, fallback) {
    if (error instanceof MaybeRegisteredError) {
        return { step: `${error.request}-unknown`, error: error.last, note: error.message };
    }
    return { step: fallback, error, note: '' };
}

;// CONCATENATED MODULE: ./src/transfer/expiry.ts

/** Fresh URLs a file may be given when S3 refuses its URL as expired, apart from `retries`. */
const MAX_URL_REFRESHES = 3;
/** Clocks differ: a URL this close to its end is taken as expired when S3 refuses it. */
const CLOCK_SKEW_MS = 60_000;
/**
 * When a SigV4 presigned URL stops being valid, from its own X-Amz-Date and X-Amz-Expires;
 * undefined when the URL does not say.
 */
function urlExpiresAt(url) {
    const query = url.split('?')[1];
    if (query === undefined)
        return undefined;
    const params = new URLSearchParams(query.split('#')[0]);
    const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(params.get('X-Amz-Date') ?? '');
    const expires = Number(params.get('X-Amz-Expires') ?? NaN);
    if (date === null || !Number.isFinite(expires))
        return undefined;
    const [, y, mo, d, h, mi, s] = date.map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s) + expires * 1000;
}
/**
 * A PUT refused with 403 because its URL expired. S3's words vary (AWS says "Request has
 * expired", radosgw only AccessDenied), so the URL's own expiry decides, and the words only
 * add to it.
 */
function isExpiredUrlRefusal(error, url, now = Date.now()) {
    if (!(error instanceof HttpError) || error.step !== 'put' || error.status !== 403)
        return false;
    if (/expired/i.test(error.serverMessage) || /expired/i.test(error.s3Code ?? ''))
        return true;
    const expiresAt = urlExpiresAt(url);
    return expiresAt !== undefined && now >= expiresAt - CLOCK_SKEW_MS;
}

;// CONCATENATED MODULE: ./src/transfer/file-state.ts


/**
 * The file as it is now, after a body found it changed since it was found: sent again from a
 * fresh stat, so that what is uploaded is always whole and what is reported is what was sent.
 */
function restat(file, error) {
    if (!(error instanceof FileChangedError))
        return file;
    let info;
    try {
        info = (0,external_node_fs_namespaceObject.statSync)(file.absolutePath);
    }
    catch (cause) {
        throw new FileReadError(`Could not read ${file.relativePath}: ${cause.code ?? 'gone'}.`);
    }
    // Never sent again as "changed (0 → 0 bytes)": a device is no file, whatever its size says.
    if (!info.isFile()) {
        throw new FileReadError(`Could not read ${file.relativePath}: it is no longer a regular file (something else took its name after it ` +
            'was found). Nothing was sent or registered for it.');
    }
    return { ...file, size: info.size, mtimeMs: info.mtimeMs };
}
/** After a body found the file changed, the file as it is now; the caller is told. */
function fileAsItIsNow(file, lastError, options) {
    const now = restat(file, lastError);
    if (now !== file)
        options.onFileChanged?.(file, now);
    return now;
}

;// CONCATENATED MODULE: ./src/transfer/presigned.ts









/** Bytes per generate call beyond the first file: bounds how long a batch's URLs wait. */
const BATCH_MAX_BYTES = 1024 * 1024 * 1024;
/** Mode 2 for many files: generate → PUT → confirm, `concurrency` files at a time. */
async function uploadPresigned(client, recorder, options) {
    const feed = new PresignedFeed(recorder.files, {
        lookahead: options.concurrency,
        shouldStop: () => recorder.shouldStop(),
        generate: async (batch) => await generateWithRetries(client, batch, options),
        onBatchFailed: (batch, error) => batch.forEach(file => recorder.fail(file, 'generate', error))
    });
    await runPool(feed, options.concurrency, async (ticket) => {
        try {
            recorder.confirm(await putAndConfirm(client, ticket, recorder, options));
        }
        catch (error) {
            const failure = failureOfAssetCall(error, stepOf(error, 'put'));
            recorder.fail(ticket.file, failure.step, failure.error, failure.note);
        }
        finally {
            options.progress?.finished(ticket.file);
        }
    }, () => recorder.shouldStop());
}
/**
 * Steps 2 and 3 for one file. The confirm is sent only after a PUT succeeded, and only for
 * the URL that PUT went to. Cancelling does not stop a confirm: the bytes are stored, and the
 * run's deadline decides how long it may take.
 */
async function putAndConfirm(client, ticket, recorder, options) {
    const put = await putWithFreshUrls(client, ticket, options);
    const { reply, possibleDuplicate } = await callCreatingAsset('confirm', ticket.file, async (idempotencyKey, markSent) => {
        markSent();
        return await client.confirmUpload(put.entry, put.file.size, { idempotencyKey });
    }, { recorder, options });
    return checkedAnswer('confirm', reply.asset, {
        file: put.file,
        assetId: reply.asset.id,
        recordedName: recordedNameOf(put.file, reply.asset),
        storageUrl: reply.asset.storage_url ?? put.entry.storage_url,
        contentType: put.entry.content_type,
        sha256: put.sha256,
        possibleDuplicate
    });
}
/**
 * PUTs the file, re-opening it for every attempt. A URL that S3 refuses as expired is
 * replaced by a freshly generated one (at most MAX_URL_REFRESHES times, whatever `retries`).
 */
async function putWithFreshUrls(client, ticket, options) {
    const { file } = ticket;
    let entry = ticket.entry;
    let current = file;
    let lastError;
    for (let refresh = 0;; refresh++) {
        try {
            const sha256 = await withRetries(async () => {
                current = fileAsItIsNow(current, lastError, options);
                options.progress?.started(file);
                const body = openFileBody(current, bytes => options.progress?.sent(file, bytes));
                try {
                    await client.putObject(entry, body, options.signal);
                }
                catch (error) {
                    lastError = error;
                    throw error;
                }
                return body.sha256();
            }, options.retry, retryHooks(file, 'put', options, options.signal));
            return { entry, sha256, file: current };
        }
        catch (error) {
            if (!isExpiredUrlRefusal(error, entry.presigned_url) || refresh >= MAX_URL_REFRESHES)
                throw error;
            options.onUrlRefresh?.({ file, refresh: refresh + 1, error });
            [{ entry }] = await generateWithRetries(client, [current], options);
        }
    }
}
async function generateWithRetries(client, batch, options) {
    const entries = await withRetries(async () => await client.generatePresignedUrls(batch.map(file => ({ name: file.name, type: file.contentType, size: file.size })), options.signal), options.retry, retryHooks(batch[0], 'generate', options, options.signal));
    return pairEntries(batch, entries);
}
function retryHooks(file, step, options, signal) {
    return { signal, onRetry: (retry, delay, error) => options.onRetry?.(file, step, retry, delay, error) };
}
/**
 * Hands out presigned tickets in file order, generating URLs in batches only as they are
 * about to be used: a batch is asked for when fewer than `lookahead` tickets are ready, so a
 * long queue never holds URLs that could expire before their turn.
 */
class PresignedFeed {
    files;
    options;
    ready = [];
    cursor = 0;
    generating;
    constructor(files, options) {
        this.files = files;
        this.options = options;
    }
    [Symbol.asyncIterator]() {
        return { next: async () => await this.next() };
    }
    async next() {
        for (;;) {
            if (this.options.shouldStop())
                return { done: true, value: undefined };
            const ticket = this.ready.shift();
            if (ticket !== undefined) {
                if (this.ready.length < this.options.lookahead)
                    void this.generateNextBatch();
                return { done: false, value: ticket };
            }
            if (this.cursor >= this.files.length && this.generating === undefined) {
                return { done: true, value: undefined };
            }
            await this.generateNextBatch();
        }
    }
    generateNextBatch() {
        if (this.generating === undefined && this.cursor < this.files.length && !this.options.shouldStop()) {
            const batch = nextBatch(this.files, this.cursor);
            this.cursor += batch.length;
            this.generating = this.generate(batch).finally(() => {
                this.generating = undefined;
            });
        }
        return this.generating ?? Promise.resolve();
    }
    async generate(batch) {
        try {
            this.ready.push(...(await this.options.generate(batch)));
        }
        catch (error) {
            this.options.onBatchFailed(batch, error);
        }
    }
}
/** Every batch of generate calls the bulk flow will make for these files, in order. */
function planBatches(files) {
    const batches = [];
    for (let start = 0; start < files.length; start += batches[batches.length - 1].length) {
        batches.push(nextBatch(files, start));
    }
    return batches;
}
/** Up to PRESIGN_BATCH_SIZE files and BATCH_MAX_BYTES, but always at least one file. */
function nextBatch(files, start) {
    const batch = [];
    let bytes = 0;
    for (let i = start; i < files.length && batch.length < PRESIGN_BATCH_SIZE; i++) {
        if (batch.length > 0 && bytes + files[i].size > BATCH_MAX_BYTES)
            break;
        batch.push(files[i]);
        bytes += files[i].size;
    }
    return batch;
}
/**
 * Pairs each file with its entry: by position when the names agree (names can repeat within a
 * batch), otherwise by the first unused entry of that name.
 */
function pairEntries(files, entries) {
    const used = new Set();
    return files.map((file, index) => {
        let position = entries[index]?.file_name === file.name && !used.has(index) ? index : -1;
        if (position < 0)
            position = entries.findIndex((entry, i) => !used.has(i) && entry.file_name === file.name);
        if (position < 0) {
            throw new ProtocolError('generate', `generate answered no presigned URL for "${file.name}".`);
        }
        used.add(position);
        const entry = entries[position];
        if (typeof entry.presigned_url !== 'string' || typeof entry.s3_path !== 'string') {
            throw new ProtocolError('generate', `generate answered an incomplete entry for "${file.name}".`);
        }
        return { file, entry: { ...entry, content_type: entry.content_type || file.contentType } };
    });
}

;// CONCATENATED MODULE: ./src/report/messages.ts









/** Names listed in one warning before "and N more". */
const NAMED_IN_WARNING = 10;
/** The server recorded some names differently from how they were sent: one warning says which. */
function warnAboutRecordedNames(confirmed) {
    const renamed = confirmed.filter(upload => upload.recordedName !== upload.file.name);
    if (renamed.length === 0)
        return;
    const shown = renamed.slice(0, NAMED_IN_WARNING);
    const more = renamed.length > shown.length ? `, and ${renamed.length - shown.length} more` : '';
    warning(`Netiks recorded ${countOf(renamed.length, 'asset')} under another name than was sent: ` +
        `${shown.map(upload => `${quoteForLog(upload.file.name)} as ${quoteForLog(upload.recordedName)}`).join(', ')}${more}. ` +
        "The outputs give the names Netiks recorded ('name' in 'assets').");
}
/** Files that may be registered twice: one warning names them, and the outputs mark them. */
function warnAboutPossibleDuplicates(confirmed) {
    const doubtful = confirmed.filter(upload => upload.possibleDuplicate);
    if (doubtful.length === 0)
        return;
    const shown = doubtful.slice(0, NAMED_IN_WARNING);
    const more = doubtful.length > shown.length ? `, and ${doubtful.length - shown.length} more` : '';
    warning(`${countOf(doubtful.length, 'file')} may be registered twice on Netiks: an attempt's answer was lost after ` +
        `the request was sent, and the retry may have registered it again: ` +
        `${shown.map(upload => escapeForLog(upload.file.relativePath)).join(', ')}${more}. ` +
        'They are marked "possible_duplicate": true in the \'assets\' output; the asset ids given are the ones confirmed.');
}
/**
 * One `::error::` per failed file, naming the file, the step and the reason, for the first
 * MAX_ANNOTATIONS files (GitHub shows about that many); returns how many failed files were
 * not annotated, for the step's closing error to count.
 */
function annotateFailures(failed) {
    const worth = failed.filter(failure => failure.step !== 'not-started');
    for (const failure of worth.slice(0, MAX_ANNOTATIONS)) {
        error(`${escapeForLog(failure.file.relativePath)}: ${escapeForLog(failure.message)}`, {
            title: `Netiks ${failure.step} failed`
        });
    }
    return Math.max(0, worth.length - MAX_ANNOTATIONS);
}
/** Where the record is: the outputs, or, when GITHUB_OUTPUT could not take them, the files that still hold it. */
function recordPlace(report) {
    const assetsFile = report.assetsFile === '' ? undefined : `the assets file ${escapeForLog(report.assetsFile)}`;
    if (report.outputsSet) {
        return {
            confirmed: 'in the outputs',
            failed: `in the '${Output.Failed}' output${assetsFile ? ` and the '${Output.AssetsFile}'` : ''}`
        };
    }
    const manifest = report.manifest ? `the manifest ${escapeForLog(report.manifest)}` : undefined;
    const files = [assetsFile, manifest].filter(file => file !== undefined);
    return {
        confirmed: files.length > 0 ? `in ${files.join(' and ')}` : 'in this log and the job summary',
        failed: assetsFile ? `in ${assetsFile}` : 'in the job summary'
    };
}
/**
 * The step's closing error, or undefined when the run succeeded: what stopped it or how many
 * files failed, how many were confirmed and where they are, and what of the report could not
 * be written (`reportProblem`). `notAnnotated`: failed files left out of the annotations.
 */
function closingError(outcome, total, place, notAnnotated = 0, reportProblem) {
    const verdict = runVerdict(outcome, total, place, notAnnotated);
    if (reportProblem === undefined)
        return verdict;
    const uploaded = outcome.confirmed.length;
    return ((verdict ??
        `${countOfTotal(uploaded, total, 'file')} uploaded and confirmed, and ${uploaded === 1 ? 'is' : 'are'} ` +
            `${place.confirmed}.`) + ` ${reportProblem}`);
}
function runVerdict(outcome, total, place, notAnnotated) {
    const { stoppedBy, confirmed, failed } = outcome;
    const confirmedOf = `${countOfTotal(confirmed.length, total, 'file')} confirmed and ${confirmed.length === 1 ? 'is' : 'are'} ${place.confirmed}`;
    if (isSystemic(stoppedBy)) {
        // One error that names the cause, not one per file: every file failed for the same reason.
        return `${withStop(escapeForLog(stoppedBy.message))} ${confirmedOf}.`;
    }
    if (stoppedBy instanceof CancelledError) {
        const unknown = failed.filter(failure => failure.step.endsWith('-unknown')).length;
        const mayExist = unknown > 0 ? `, of which ${unknown} may exist on Netiks (sent, never answered)` : '';
        const notUploaded = failed.length > 0
            ? `; ${failed.length} ${failed.length === 1 ? 'was' : 'were'} not uploaded${mayExist} (listed ${place.failed})`
            : '';
        return `The run was cancelled: ${confirmedOf}${notUploaded}.`;
    }
    if (failed.length === 0)
        return undefined;
    const failFast = stoppedBy instanceof FailFastError
        ? ` Stopped by fail-fast after ${escapeForLog(stoppedBy.file.relativePath)} failed: no other file was started.`
        : '';
    const more = notAnnotated > 0 ? ` ${countOf(notAnnotated, 'more failed file')} not annotated above.` : '';
    return (`${countOfTotal(failed.length, total, 'file')} not uploaded; ${confirmed.length} ` +
        `${confirmed.length === 1 ? 'was confirmed and is' : 'were confirmed and are'} ${place.confirmed}.${failFast}${more} ` +
        `Every failed file and why is ${place.failed}, and the job summary groups them by cause.`);
}
/** The one-line result: "12 assets uploaded to Netiks, 48.2 MiB in 3.1 s (15.5 MiB/s)". */
function describeResult(outcome, total, durationMs, unchanged = 0) {
    const bytes = totalSize(outcome.confirmed.map(upload => upload.file));
    const count = outcome.confirmed.length === total ? `${total}` : `${outcome.confirmed.length} of ${total}`;
    const skipped = unchanged > 0 ? `; ${countOf(unchanged, 'unchanged file')} skipped` : '';
    return (`${count} asset${total === 1 ? '' : 's'} uploaded to Netiks, ${formatBytes(bytes)} in ` +
        `${formatSeconds(durationMs)} (${formatRate(bytes, durationMs)})${skipped}.`);
}
/** The dry-run plan, in the log: each file (up to a cap), the mode and why, and the generate batches. */
function printPlan(files, plan, inputs, unchanged = []) {
    const bytes = totalSize(files);
    info('Dry run: nothing will be uploaded.');
    if (unchanged.length > 0) {
        info(`Would skip ${countOf(unchanged.length, 'file')} the manifest holds unchanged:`);
        const lines = new PerFileLines('files to skip');
        for (const { file, entry } of unchanged) {
            lines.line(() => `  • ${escapeForLog(file.relativePath)}  (asset ${escapeForLog(entry.id)})`);
        }
        lines.close();
    }
    if (files.length === 0 || plan === undefined) {
        info('Would upload: nothing.');
        return;
    }
    info(`Mode: ${plan.strategy} (${plan.reason}); ${countOf(inputs.concurrency, 'file')} at a time; base-url ${inputs.baseUrl}.`);
    info(`Would upload ${countOf(files.length, 'file')}, ${formatBytes(bytes)}:`);
    const lines = new PerFileLines('files to upload');
    for (const file of files) {
        lines.line(() => `  • ${escapeForLog(file.relativePath)}  ${formatBytes(file.size)}  ${file.contentType}  as ${quoteForLog(file.name)}`);
    }
    lines.close();
    if (plan.strategy === UploadMode.Single) {
        info(`Requests: ${countOf(files.length, 'multipart upload')}, one per file.`);
        return;
    }
    const batches = planBatches(files);
    info(`Requests: ${countOf(batches.length, 'generate call')}, then one PUT and one confirm per file:`);
    const batchLines = new PerFileLines('generate batches');
    let first = 1;
    for (const [index, batch] of batches.entries()) {
        const batchBytes = totalSize(batch);
        batchLines.line(`  batch ${index + 1}: files ${first}–${first + batch.length - 1} (${formatBytes(batchBytes)})`);
        first += batch.length;
    }
    batchLines.close();
}

;// CONCATENATED MODULE: ./src/report/outputs.ts







const KiB = 1024;
/**
 * The most each list output may take, in bytes. GitHub keeps at most 1 MB of outputs per job,
 * for every step together, and drops the job's outputs beyond it: these three stay at half of
 * that, so other steps keep room for theirs. A list that would not fit is cut at a whole
 * element; the assets file always holds everything.
 *
 * `asset-ids` and `failed` stay 1 KiB under 128 KiB: Linux refuses to start a program with an
 * environment string (`NAME=value`) longer than 128 KiB ("Argument list too long"), and the
 * README passes these two through `env:`, so a full one must still fit beside its name.
 */
const OUTPUT_BUDGET = {
    [Output.AssetIds]: 127 * KiB,
    [Output.Assets]: 256 * KiB,
    [Output.Failed]: 127 * KiB
};
/**
 * Some of the step's outputs could not be written. Thrown once every output was tried, so that
 * the caller can still save the manifest and write the summary; names each file that could not
 * be written, and why. `assetsFile` is the run's complete record when it was written, else ''.
 */
class OutputsNotWrittenError extends Error {
    assetsFile;
    outputsSet;
    constructor(message, assetsFile, 
    /** Whether GITHUB_OUTPUT took the outputs (only the record files are missing). */
    outputsSet) {
        super(message);
        this.assetsFile = assetsFile;
        this.outputsSet = outputsSet;
        this.name = 'OutputsNotWrittenError';
    }
}
/**
 * Sets every output: the assets Netiks holds for the matched files — confirmed in this run or
 * left unchanged — in path order, the counts, what failed, and the files with the complete
 * record. Lists that would not fit GitHub's budget for outputs are cut, `outputs-truncated`
 * says so, and one warning points to the assets file. Throws OutputsNotWrittenError, after
 * trying everything, when the record files or GITHUB_OUTPUT could not be written.
 */
async function writeOutputs(result, runFolder) {
    const problems = [];
    const files = await recordFilesOrNone(result, runFolder, problems);
    const held = heldCount(result);
    const ids = jsonArrayWithin((function* () {
        for (const record of assetRecords(result))
            yield record.id;
    })(), OUTPUT_BUDGET[Output.AssetIds]);
    const assets = jsonArrayWithin(assetRecords(result), OUTPUT_BUDGET[Output.Assets]);
    const failed = jsonArrayWithin(failureRecords(result), OUTPUT_BUDGET[Output.Failed]);
    const written = {
        assets: { shown: assets.count, total: held },
        assetIds: { shown: ids.count, total: held },
        failed: { shown: failed.count, total: result.failed.length },
        truncated: assets.count < held || ids.count < held || failed.count < result.failed.length,
        ...files
    };
    const outputsSet = setOutputsOrSay([
        [Output.AssetIds, ids.json],
        [Output.Assets, assets.json],
        [Output.Count, String(held)],
        [Output.UploadedCount, String(result.confirmed.length)],
        [Output.SkippedCount, String(result.unchanged?.length ?? 0)],
        [Output.Failed, failed.json],
        [Output.OutputsTruncated, String(written.truncated)],
        [Output.AssetsFile, files.assetsFile],
        [Output.ChecksumsFile, files.checksumsFile]
    ], problems);
    if (outputsSet && written.truncated)
        warnTruncated(written);
    if (outputsSet && files.assetsFile === '') {
        problems.push('The other outputs are set (cut if they would not fit GitHub’s limit of 1 MB per job).');
    }
    if (problems.length > 0)
        throw new OutputsNotWrittenError(problems.join(' '), files.assetsFile, outputsSet);
    return written;
}
/**
 * Sets the outputs in order, stopping at the first the runner's file does not take (a missing
 * folder, a full disk): the rest would fail alike, and a later step is better off with no
 * outputs than with a count beside no list. Says which file and why in `problems`.
 */
function setOutputsOrSay(outputs, problems) {
    for (const [index, [name, value]] of outputs.entries()) {
        try {
            setOutput(name, value);
        }
        catch (error) {
            const file = process.env.GITHUB_OUTPUT ?? '';
            const got = index === 0 ? 'none of them' : `only those before '${name}'`;
            problems.push(`Could not write the step's outputs to GITHUB_OUTPUT (${escapeForLog(file)}): ` +
                `${escapeForLog(withStop(codeOrMessage(error)))} Later steps get ${got}.`);
            return false;
        }
    }
    return true;
}
/**
 * The record files, or empty paths when they cannot be written (RUNNER_TEMP full or not
 * writable): the outputs are still set and the step goes on to save the manifest, since what
 * was confirmed must not be forgotten; the step fails, since the complete record is missing.
 */
async function recordFilesOrNone(result, runFolder, problems) {
    try {
        return await writeRecordFiles(result, runFolder);
    }
    catch (error) {
        problems.push(`Could not write the '${Output.AssetsFile}' and '${Output.ChecksumsFile}' files under RUNNER_TEMP ` +
            `(${escapeForLog(codeOrMessage(error))}): both outputs are empty.`);
        return { assetsFile: '', checksumsFile: '' };
    }
}
function warnTruncated(written) {
    const cut = [
        written.assetIds.shown < written.assetIds.total
            ? `'${Output.AssetIds}' the first ${written.assetIds.shown} of ${written.assetIds.total}`
            : undefined,
        written.assets.shown < written.assets.total
            ? `'${Output.Assets}' the first ${written.assets.shown} of ${written.assets.total}`
            : undefined,
        written.failed.shown < written.failed.total
            ? `'${Output.Failed}' the first ${written.failed.shown} of ${written.failed.total}`
            : undefined
    ].filter(part => part !== undefined);
    const whereTheRestIs = written.assetsFile === ''
        ? `The rest could not be written to the '${Output.AssetsFile}' either (see the error).`
        : `Every file's record is in the file named by the '${Output.AssetsFile}' output ` +
            `(${countOf(written.assets.total + written.failed.total, 'record')}); read it with jq rather than ` +
            'passing lists this long through outputs or env.';
    warning(`The outputs are cut to fit GitHub's limit of 1 MB of outputs per job: ${cut.join('; ')} ` +
        `(outputs-truncated is true). ${whereTheRestIs}`);
}
/** A JSON array of as many leading items as fit in `budget` bytes, cut at a whole element. */
function jsonArrayWithin(items, budget) {
    const parts = [];
    let bytes = 2;
    for (const item of items) {
        const part = JSON.stringify(item);
        const size = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0);
        if (bytes + size > budget)
            break;
        parts.push(part);
        bytes += size;
    }
    return { json: `[${parts.join(',')}]`, count: parts.length };
}

;// CONCATENATED MODULE: ./src/report/progress.ts


/**
 * Reports long uploads in the log without a line per chunk: every `intervalMs`, one line for
 * each transfer that has lasted at least that long (percent, speed, time left), and for a
 * batch of several files one line of overall progress.
 */
class ProgressReporter {
    files;
    intervalMs;
    log;
    now;
    active = new Map();
    doneFiles = 0;
    doneBytes = 0;
    timer;
    startedAt;
    totalBytes;
    constructor(files, intervalMs, log, now = Date.now) {
        this.files = files;
        this.intervalMs = intervalMs;
        this.log = log;
        this.now = now;
    }
    start() {
        this.startedAt = this.now();
        this.timer = setInterval(() => this.report(), this.intervalMs);
        this.timer.unref();
    }
    stop() {
        clearInterval(this.timer);
    }
    started(file) {
        this.active.set(file, { startedAt: this.now(), bytes: 0 });
    }
    sent(file, bytes) {
        const transfer = this.active.get(file);
        if (transfer)
            transfer.bytes += bytes;
    }
    finished(file) {
        if (this.active.delete(file)) {
            this.doneFiles++;
            this.doneBytes += file.size;
        }
    }
    report() {
        const now = this.now();
        for (const [file, transfer] of this.active) {
            const elapsedMs = now - transfer.startedAt;
            if (elapsedMs >= this.intervalMs)
                this.log(describeTransfer(file, transfer.bytes, elapsedMs));
        }
        if (this.files.length > 1) {
            const inFlight = [...this.active.values()].reduce((sum, transfer) => sum + transfer.bytes, 0);
            this.log(describeProgress({
                doneFiles: this.doneFiles,
                totalFiles: this.files.length,
                sentBytes: this.doneBytes + inFlight,
                totalBytes: (this.totalBytes ??= totalSize(this.files)),
                elapsedMs: now - (this.startedAt ?? now)
            }));
        }
    }
}
/**
 * "Progress: 3400 of 10000 files (34%), 12.5 MiB of 40.1 MiB, 680 files/s, 2.5 MiB/s, about
 * 9.7 s left" — the time left is the longer of what the files and the bytes still need.
 */
function describeProgress(progress) {
    const { doneFiles, totalFiles, sentBytes, totalBytes, elapsedMs } = progress;
    const seconds = elapsedMs / 1000;
    const percent = totalFiles === 0 ? 100 : Math.floor((doneFiles / totalFiles) * 100);
    const filesPerSecond = seconds > 0 ? doneFiles / seconds : 0;
    const bytesPerSecond = seconds > 0 ? sentBytes / seconds : 0;
    const leftMs = Math.max(filesPerSecond > 0 ? ((totalFiles - doneFiles) / filesPerSecond) * 1000 : Infinity, bytesPerSecond > 0 ? ((totalBytes - sentBytes) / bytesPerSecond) * 1000 : totalBytes > sentBytes ? Infinity : 0);
    const left = Number.isFinite(leftMs) ? `about ${formatSeconds(leftMs)} left` : 'time left unknown yet';
    const answers = totalFiles - doneFiles;
    // Every byte sent: what is left is the server's answers, whose time the byte rate cannot tell.
    const end = sentBytes >= totalBytes && answers > 0
        ? `every byte sent, waiting for the answers of ${countOf(answers, 'file')}`
        : left;
    return (`Progress: ${doneFiles} of ${countOf(totalFiles, 'file')} (${percent}%), ${formatBytes(sentBytes)} of ` +
        `${formatBytes(totalBytes)}, ${filesPerSecond.toFixed(filesPerSecond < 10 ? 1 : 0)} files/s, ` +
        `${formatBytes(Math.round(bytesPerSecond))}/s, ${end}.`);
}
/**
 * "dist/big.iso: 45% of 1.0 GiB, 85.3 MiB/s, about 6.4 s left"; once every byte is sent,
 * "dist/big.iso: 100% of 1.0 GiB sent in 12.0 s, waiting for the server's answer": the time left
 * would only be a rate that falls while the answer is awaited.
 */
function describeTransfer(file, bytesSent, elapsedMs) {
    const path = escapeForLog(file.relativePath);
    if (bytesSent >= file.size) {
        return `↑ ${path}: 100% of ${formatBytes(file.size)} sent in ${formatSeconds(elapsedMs)}, waiting for the server's answer`;
    }
    const percent = Math.floor((bytesSent / file.size) * 100);
    const bytesPerSecond = elapsedMs > 0 ? bytesSent / (elapsedMs / 1000) : 0;
    const left = bytesPerSecond > 0 ? formatSeconds(((file.size - bytesSent) / bytesPerSecond) * 1000) : 'unknown';
    return (`↑ ${path}: ${percent}% of ${formatBytes(file.size)}, ` +
        `${(bytesPerSecond / (1024 * 1024)).toFixed(1)} MiB/s, about ${left} left`);
}

;// CONCATENATED MODULE: ./src/report/summary.ts






const summary_KiB = 1024;
/**
 * GitHub drops a step's whole summary above 1 MiB ("upload aborted"). Each table stops at a
 * number of rows and of bytes, and the whole is checked against SUMMARY_MAX_BYTES before it
 * is written, so that the summary always arrives, whatever the number of files.
 */
const SUMMARY_MAX_BYTES = 1024 * summary_KiB;
const SUMMARY_TABLE_ROWS = 250;
const SUMMARY_TABLE_BYTES = 200 * summary_KiB;
/** Failure causes listed, and files named for each. */
const SUMMARY_FAILURE_GROUPS = 20;
const SUMMARY_FILES_PER_GROUP = 5;
/**
 * Characters of a reason, a path or the base URL shown in the summary's short lists before
 * they are cut with "…" (the assets file has them whole). Escaped, a character may take up to
 * 9 bytes, so without this 20 causes of long reasons and paths alone could pass 1 MiB.
 */
const SUMMARY_TEXT_CHARS = 1000;
const RECORD_FILES = `every file's record is in the <code>${Output.AssetsFile}</code> output's file, and its checksum in ` +
    `<code>${Output.ChecksumsFile}</code>'s`;
/**
 * The job summary, whatever the outcome: totals first, then the assets (up to a number of
 * rows, then how many more and where they are), files skipped as unchanged, and what was not
 * uploaded grouped by cause.
 */
async function writeSummary(outcome, run) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const unchanged = outcome.unchanged ?? [];
    const addTotals = () => {
        const bytes = totalSize(outcome.confirmed.map(upload => upload.file));
        summary_summary.addHeading('Netiks upload', 2);
        summary_summary.addTable([
            headerRow(['Uploaded', 'Skipped (unchanged)', 'Not uploaded', 'Bytes', 'Duration', 'Throughput', 'Base URL']),
            [
                String(outcome.confirmed.length),
                String(unchanged.length),
                String(outcome.failed.length),
                formatBytes(bytes),
                formatSeconds(run.durationMs),
                formatRate(bytes, run.durationMs),
                shortText(run.baseUrl)
            ]
        ]);
        if (run.problem)
            summary_summary.addRaw(`<p><strong>The step failed:</strong> ${shortText(run.problem)}</p>`, true);
    };
    addTotals();
    const summary = summary_summary;
    const doubtful = outcome.confirmed.filter(upload => upload.possibleDuplicate);
    if (doubtful.length > 0) {
        summary.addRaw(`<p>${countOf(doubtful.length, 'asset')} may be registered twice (an answer was lost after the request ` +
            `was sent): ${doubtful
                .slice(0, SUMMARY_FILES_PER_GROUP * 2)
                .map(upload => `<code>${shortText(upload.file.relativePath)}</code>`)
                .join(', ')}${doubtful.length > SUMMARY_FILES_PER_GROUP * 2 ? ', …' : ''}.</p>`, true);
    }
    if (outcome.failed.length > 0)
        addFailureGroups(outcome.failed);
    const held = outcome.confirmed.length + unchanged.length;
    if (held > 0) {
        summary.addHeading('Assets', 3);
        addCappedTable(['File', 'Size', 'Asset id', 'Mode'], (function* () {
            for (const asset of assetRecords(outcome)) {
                yield [
                    escapeForSummary(asset.path),
                    formatBytes(asset.size),
                    linkTo(asset.storage_url, asset.id),
                    asset.skipped ? 'unchanged' : run.strategy
                ];
            }
        })(), held);
    }
    await writeWithin(summary, addTotals);
}
/** Failures grouped by what went wrong: a count and the first few files of each cause. */
function addFailureGroups(failed) {
    const groups = new Map();
    for (const failure of failed) {
        const status = failure.status === undefined ? '–' : String(failure.status);
        const cause = causeOf(failure);
        const key = `${failure.step}\u0000${status}\u0000${cause}`;
        let group = groups.get(key);
        if (group === undefined) {
            group = { step: failure.step, status, message: cause, files: [], count: 0 };
            groups.set(key, group);
        }
        group.count++;
        if (group.files.length < SUMMARY_FILES_PER_GROUP)
            group.files.push(failure.file.relativePath);
    }
    const ordered = [...groups.values()].sort((a, b) => b.count - a.count);
    summary_summary.addHeading(`Not uploaded: ${countOf(failed.length, 'file')}`, 3);
    const rows = [];
    let bytes = 0;
    for (const group of ordered) {
        const row = [
            String(group.count),
            group.step,
            group.status,
            group.message === '' ? '–' : shortText(group.message),
            group.files.map(file => `<code>${shortText(file)}</code>`).join('<br>') +
                (group.count > group.files.length ? `<br>and ${group.count - group.files.length} more` : '')
        ];
        const size = rowBytes(row);
        if (rows.length >= SUMMARY_FAILURE_GROUPS || (rows.length > 0 && bytes + size > SUMMARY_TABLE_BYTES))
            break;
        rows.push(row);
        bytes += size;
    }
    summary_summary.addTable([headerRow(['Files', 'Step', 'Status', 'Reason', 'First files']), ...rows]);
    const more = ordered.length - rows.length;
    if (more > 0) {
        summary_summary.addRaw(`<p>and ${countOf(more, 'more cause')} (${countOf(ordered.slice(rows.length).reduce((sum, group) => sum + group.count, 0), 'file')}): every failed file and why is in the <code>${Output.Failed}</code> output and the ` +
            `<code>${Output.AssetsFile}</code>.</p>`, true);
    }
}
/** Text from outside for the summary's short lists: cut at SUMMARY_TEXT_CHARS, then escaped. */
function shortText(text) {
    const chars = [...text];
    return escapeForSummary(chars.length > SUMMARY_TEXT_CHARS ? `${chars.slice(0, SUMMARY_TEXT_CHARS).join('')}…` : text);
}
/** Bytes a table row takes: its cells and their tags. */
function rowBytes(row) {
    return row.reduce((sum, cell) => sum + Buffer.byteLength(cell) + 9, 9);
}
/**
 * What went wrong, in words that do not depend on the file: its URL and its name are left out,
 * so that 3,000 files refused alike make one group.
 */
function causeOf(failure) {
    let text = failure.message.replace(/\bhttps?:\/\/[^\s"'<>]+/g, '‹url›');
    for (const own of [failure.file.relativePath, failure.file.name]) {
        if (own !== '')
            text = text.split(own).join('‹file›');
    }
    return text;
}
/** A table of at most SUMMARY_TABLE_ROWS rows and SUMMARY_TABLE_BYTES, then how many more. */
function addCappedTable(header, rows, total, whereTheRestIs = RECORD_FILES) {
    const shown = [];
    let bytes = 0;
    for (const row of rows) {
        const size = rowBytes(row);
        if (shown.length >= SUMMARY_TABLE_ROWS || bytes + size > SUMMARY_TABLE_BYTES)
            break;
        shown.push(row);
        bytes += size;
    }
    summary_summary.addTable([headerRow(header), ...shown]);
    if (total > shown.length) {
        summary_summary.addRaw(`<p>and ${total - shown.length} more: ${whereTheRestIs}.</p>`, true);
    }
}
/**
 * Writes the summary, or, should it still exceed GitHub's limit, a short one that does not:
 * the totals (when `addTotals` is given) and where the complete record is.
 */
async function writeWithin(summary, addTotals) {
    if (Buffer.byteLength(summary.stringify()) > SUMMARY_MAX_BYTES - 4 * summary_KiB) {
        summary.emptyBuffer();
        if (addTotals)
            addTotals();
        else
            summary.addHeading('Netiks upload', 2);
        summary.addRaw(`<p>The summary was too large for GitHub's limit of 1 MiB per step; the complete record is in the ` +
            `<code>${Output.AssetsFile}</code> output's file.</p>`, true);
    }
    await writeOrWarn(summary);
}
/**
 * The summary is a courtesy: a file the runner provides that cannot be written (a runner or a
 * local tool that set GITHUB_STEP_SUMMARY to a missing folder) is one warning, never a crash.
 */
async function writeOrWarn(summary) {
    try {
        await summary.write();
    }
    catch (error) {
        summary.emptyBuffer();
        warning(`Could not write the job summary: ${escapeForLog(errorMessage(error))}`);
    }
}
/** A summary for a run that stopped before uploading anything (bad input, no files). */
async function writeFailureSummary(message) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const text = message.length > 16 * summary_KiB ? `${message.slice(0, 16 * summary_KiB)}…` : message;
    await writeOrWarn(summary_summary.addHeading('Netiks upload', 2).addRaw(`<p>Nothing was uploaded: ${escapeForSummary(text)}</p>`, true));
}
/** The dry run's plan: the mode, the totals, and the files that would be sent. */
async function writePlanSummary(files, plan) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const mode = plan ? ` Mode: ${plan.strategy} (${escapeForSummary(plan.reason)}).` : '';
    summary_summary
        .addHeading('Netiks upload (dry run)', 2)
        .addRaw(`<p>Nothing was uploaded. Would upload ${countOf(files.length, 'file')}, ${formatBytes(totalSize(files))}.${mode}</p>`, true);
    if (files.length > 0) {
        addCappedTable(['File', 'Size', 'Content type', 'Name'], (function* () {
            for (const file of files) {
                yield [
                    escapeForSummary(file.relativePath),
                    formatBytes(file.size),
                    escapeForSummary(file.contentType),
                    escapeForSummary(file.name)
                ];
            }
        })(), files.length, 'the log lists every file with step debug logging');
    }
    await writeWithin(summary_summary);
}
function headerRow(titles) {
    return titles.map(data => ({ data, header: true }));
}
/** An asset id, linked to its storage URL when the server gave an http(s) one. */
function linkTo(url, id) {
    const href = url ? summaryHref(url) : undefined;
    return href ? `<a href="${href}">${escapeForSummary(id)}</a>` : escapeForSummary(id);
}

;// CONCATENATED MODULE: ./src/transfer/cancel.ts
/**
 * How a GitHub runner cancels a step: SIGINT, then SIGTERM 7.5 s later, then a kill of the
 * whole process tree 2.5 s after that. The report must be written before the kill.
 */
const RUNNER_CANCEL = {
    /** After the first SIGINT, the report is written by then if no SIGTERM comes first. */
    reportAfterInterruptMs: 9000,
    /** After a SIGTERM (or a second signal), the report is written by then: 1 s before the kill. */
    reportAfterTerminateMs: 1500
};
/**
 * SIGBREAK is Ctrl-Break on Windows (Node maps Ctrl-C to SIGINT there): the Windows runner sends
 * Ctrl-C, then Ctrl-Break 7.5 s later, so as the second signal it hurries the report. Elsewhere
 * it is never sent, and listening for it is harmless.
 */
const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGBREAK'];
/**
 * On the first signal nothing new starts, and uploads whose bytes are still being sent are
 * aborted (the server cannot have registered them). Requests whose bytes are all sent —
 * confirms, and single uploads waiting for their answer — go on, since they may be
 * registered: they get the time the runner allows. The deadline is set by the signals: 9 s
 * after a SIGINT, 1.5 s after a SIGTERM or a second signal, whichever comes first.
 */
class Cancellation {
    hooks;
    timing;
    run = new AbortController();
    deadline;
    deadlinePassed = false;
    onSignal = (signal) => this.cancel(signal);
    constructor(hooks, timing = RUNNER_CANCEL) {
        this.hooks = hooks;
        this.timing = timing;
        for (const signal of CANCEL_SIGNALS)
            process.on(signal, this.onSignal);
    }
    /** Fires on the first signal. */
    get signal() {
        return this.run.signal;
    }
    cancel(signal) {
        const first = !this.run.signal.aborted;
        if (first) {
            this.run.abort();
            this.hooks.onCancel(signal);
        }
        const hurry = signal === 'SIGTERM' || !first;
        this.reportWithin(hurry ? this.timing.reportAfterTerminateMs : this.timing.reportAfterInterruptMs);
    }
    dispose() {
        if (this.deadline)
            clearTimeout(this.deadline.timer);
        for (const signal of CANCEL_SIGNALS)
            process.off(signal, this.onSignal);
    }
    reportWithin(ms) {
        const at = Date.now() + ms;
        if (this.deadlinePassed || (this.deadline && this.deadline.at <= at))
            return;
        if (this.deadline)
            clearTimeout(this.deadline.timer);
        const timer = setTimeout(() => {
            this.deadlinePassed = true;
            this.hooks.onDeadline();
        }, ms);
        this.deadline = { at, timer };
    }
}

;// CONCATENATED MODULE: ./src/transfer/single.ts





/**
 * Mode 1 for one file: a streamed multipart POST whose answer is the confirmed asset. Each
 * attempt re-opens the file and streams it from the start. Cancelling aborts a body still
 * being sent (the server cannot have registered it); one already sent is left to be answered.
 */
async function uploadSingle(client, file, recorder, options) {
    let current = file;
    let lastError;
    let sha256 = '';
    const { reply, possibleDuplicate } = await callCreatingAsset('upload', file, async (idempotencyKey, markSent) => {
        current = fileAsItIsNow(current, lastError, options);
        options.progress?.started(file);
        const multipart = openMultipartBody(current, 'file', bytes => options.progress?.sent(file, bytes));
        const sending = cancellableUntilSent(multipart, options.signal, markSent);
        try {
            const answer = await client.uploadMultipart(sending.body, { signal: sending.signal, idempotencyKey });
            sha256 = multipart.sha256();
            return answer;
        }
        catch (error) {
            lastError = error;
            throw error;
        }
        finally {
            sending.dispose();
        }
    }, { recorder, options, signal: options.signal });
    return checkedAnswer('upload', reply.asset, {
        file: current,
        assetId: reply.asset.id,
        recordedName: recordedNameOf(current, reply.asset),
        storageUrl: reply.asset.storage_url ?? '',
        contentType: current.contentType,
        sha256,
        possibleDuplicate
    });
}
/**
 * A cancelled run aborts a body still being sent — the server cannot register half a body —
 * but not one sent whole, which the server may be registering: that one is left to be answered.
 */
function cancellableUntilSent(multipart, runSignal, onSent) {
    let sent = false;
    const controller = new AbortController();
    const onCancel = () => {
        if (!sent)
            controller.abort();
    };
    runSignal?.addEventListener('abort', onCancel, { once: true });
    if (runSignal?.aborted)
        onCancel();
    const body = {
        ...multipart,
        writeTo: async (sink) => {
            await multipart.writeTo(sink);
            sent = true;
            onSent();
        }
    };
    return { body, signal: controller.signal, dispose: () => runSignal?.removeEventListener('abort', onCancel) };
}
/** Mode 1 for many files: one multipart POST per file, `concurrency` at a time. */
async function uploadSingleFiles(client, recorder, options) {
    await runPool(recorder.files, options.concurrency, async (file) => {
        try {
            recorder.confirm(await uploadSingle(client, file, recorder, options));
        }
        catch (error) {
            const failure = failureOfAssetCall(error, stepOf(error, 'upload'));
            recorder.fail(file, failure.step, failure.error, failure.note);
        }
        finally {
            options.progress?.finished(file);
        }
    }, () => recorder.shouldStop());
}

;// CONCATENATED MODULE: ./src/sync.ts









/** Lets go of what the work holds on disk, once the run is reported. */
function releaseWork(work) {
    work?.manifest?.store?.close();
}
/**
 * Reads the manifest and splits the matched files into new or changed (to upload) and
 * unchanged. Before anything is sent: a manifest that cannot be read or replaced as it is
 * stops the run here (a ManifestError, said as the step's error), in a dry run too.
 */
async function compareWithManifest(inputs, files, manifestFile) {
    let loaded;
    try {
        loaded = await loadManifest(manifestFile, inputs.baseUrl, { storeIn: runnerTemp() });
    }
    catch (error) {
        if (!(error instanceof ManifestError))
            throw error;
        // The step's error is escaped where it is written (main.ts).
        throw new InputError(`The manifest ${inputs.manifest} ${error.problem}. ${error.advice}`);
    }
    try {
        return await splitByManifest(inputs, files, manifestFile, loaded);
    }
    catch (error) {
        loaded.store?.close();
        throw error;
    }
}
/** What the log says of the manifest as it was found: none yet, none for this base-url, others' entries kept. */
function describeLoaded(inputs, loaded) {
    const others = loaded.manifest.others.sections.size;
    const kept = others === 0
        ? ''
        : ` The entries it holds for ${countOf(others, 'other base-url')} are kept as they are: entries belong to the base-url they were made on.`;
    if (!loaded.existed) {
        info(`No manifest at ${escapeForLog(inputs.manifest)} yet: every file will be uploaded, and the manifest written after the run.`);
    }
    else if (!loaded.knewBaseUrl) {
        info(`The manifest ${escapeForLog(inputs.manifest)} holds no entries made on ${escapeForLog(inputs.baseUrl)} yet: ` +
            `every file will be uploaded, and its entries added after the run.${kept}`);
    }
    else if (others > 0) {
        info(`The manifest ${escapeForLog(inputs.manifest)} is read for ${escapeForLog(inputs.baseUrl)}.${kept}`);
    }
}
async function splitByManifest(inputs, files, manifestFile, loaded) {
    describeLoaded(inputs, loaded);
    if (loaded.ignored.length > 0) {
        const count = loaded.ignored.length;
        warning(`The manifest ${escapeForLog(inputs.manifest)} has ${count} malformed ${count === 1 ? 'entry' : 'entries'}, ignored ` +
            `(${count === 1 ? 'its file is' : 'their files are'} uploaded if matched): ${escapeForLog(listSome(loaded.ignored))}.`);
    }
    const { upload, unchanged } = await findUnchanged(files, loaded.manifest, inputs.concurrency);
    const lines = new PerFileLines('unchanged files');
    for (const { file, entry } of unchanged) {
        lines.line(() => `= ${escapeForLog(file.relativePath)} unchanged since ${escapeForLog(entry.uploaded_at)} ` +
            `(asset ${escapeForLog(entry.id)}): skipped`);
    }
    lines.close();
    info(`${unchanged.length} unchanged, ${upload.length} new or changed.`);
    const before = recordUnchanged(loaded.manifest, unchanged);
    if (loaded.manifest.legacy.size > 0) {
        const claimed = loaded.manifest.legacy.size - before.legacy.size;
        info(`The manifest ${escapeForLog(inputs.manifest)} holds ${loaded.manifest.legacy.size} version 1 entries (by asset name): ` +
            `${claimed} matched a file by name and sha256 and are now kept under its path; ` +
            `${before.legacy.size} ${before.legacy.size === 1 ? 'is' : 'are'} kept under "v1-assets" until a file matches ${before.legacy.size === 1 ? 'it' : 'them'}.`);
    }
    return { upload, unchanged, manifest: { file: manifestFile, before, store: loaded.store } };
}
/** Nothing new to send: every matched file is in the manifest with the same bytes. */
async function reportAllUnchanged(inputs, work) {
    const result = { confirmed: [], failed: work.leftOut ?? [], unchanged: work.unchanged };
    await writeOutputs(result);
    if (work.manifest) {
        const { file, before } = work.manifest;
        await saveManifest(inputs, async () => {
            await writeManifest(file, before);
            return before.assets.size;
        });
    }
    await writeSummary(result, { strategy: 'none', baseUrl: inputs.baseUrl, durationMs: 0 });
    // No file at all only when a shard took none of the matched files.
    const why = work.unchanged.length === 0
        ? 'none of the matched files is in this shard.'
        : `all ${work.unchanged.length} matched file${work.unchanged.length === 1 ? ' is' : 's are'} ` +
            'unchanged since the manifest recorded them.';
    notice(`Nothing to upload: ${why}`, { title: 'Netiks upload' });
}
/** Writes the manifest; a failure fails the step, since the next run would upload everything again. */
async function saveManifest(inputs, write) {
    try {
        const assets = await write();
        info(`Manifest ${escapeForLog(inputs.manifest)} written: ${countOf(assets, 'asset')}.`);
        return true;
    }
    catch (error) {
        setFailed(`Could not write the manifest ${escapeForLog(inputs.manifest)} (${escapeForLog(codeOrMessage(error))}): ` +
            'the next run will upload every file of this one again.');
        return false;
    }
}

;// CONCATENATED MODULE: ./src/main.ts




























/** inputs → files → manifest → plan → upload → report. The one place that fails the step. */
async function run() {
    const startedAt = Date.now();
    let work;
    try {
        maskApiKey();
        const inputs = getInputs();
        // Globs, the manifest and every reported path start here, whatever the current directory.
        const workspace = external_node_path_default().resolve(process.env.GITHUB_WORKSPACE || process.cwd());
        const manifestFile = inputs.manifest ? external_node_path_default().resolve(workspace, inputs.manifest) : undefined;
        const { files: matched, leftOut } = await group('Resolve files', async () => await resolveFiles(inputs, workspace, manifestFile));
        if (matched.length === 0)
            return failStep(leftOutError(leftOut));
        // Named before the split, so a file's name does not depend on which shard sends it.
        const { files, line: shardLine } = takeShard(matched, inputs.shard);
        if (shardLine)
            info(shardLine);
        work = manifestFile
            ? await group('Compare with the manifest', async () => await compareWithManifest(inputs, files, manifestFile))
            : { upload: files, unchanged: [] };
        work.leftOut = leftOut;
        const plan = work.upload.length > 0 ? choosePlan(inputs.mode, work.upload) : undefined;
        let closing;
        if (inputs.dryRun)
            await dryRun(inputs, work, plan);
        else if (plan === undefined)
            await reportAllUnchanged(inputs, work);
        else
            closing = await upload(inputs, work, plan, startedAt);
        failStep(closing, leftOutError(leftOut));
    }
    catch (error) {
        // Only what happens before the first request gets here: upload() reports what it sent.
        failStep(await reportRefusal(error, work));
        await writeFailureSummary(errorMessage(error));
    }
    finally {
        releaseWork(work);
    }
}
/** The one way the step fails: one error, written after every output and record the run has. */
function failStep(...messages) {
    const said = messages.filter(message => message !== undefined);
    if (said.length > 0)
        setFailed(said.join(' '));
}
/**
 * The error of a run refused before any request. When files were refused (too large for bulk
 * mode, a name single mode cannot keep), the outputs say so: no asset, every refused file in
 * `failed` with why, the others as not started, and the assets file with their records.
 */
async function reportRefusal(error, work) {
    // Its own message is escaped already, part by part.
    const message = error instanceof OutputsNotWrittenError ? error.message : escapeForLog(errorMessage(error));
    if (!(error instanceof RefusedFilesError) || work === undefined)
        return message;
    try {
        const failed = [...(work.leftOut ?? []), ...error.failures(work.upload)];
        await writeOutputs({ confirmed: [], failed, unchanged: work.unchanged });
        return message;
    }
    catch (outputsError) {
        return `${withStop(message)} ${errorMessage(outputsError)}`;
    }
}
/** Masks the key before anything can print it, even when it is otherwise invalid. */
function maskApiKey() {
    const raw = getInput(Input.ApiKey);
    if (raw.trim() !== '')
        core_setSecret(raw.trim());
}
/** What the search found, and the matched entries it had to leave out, as failures to report. */
async function resolveFiles(inputs, workspace, manifestFile) {
    const found = await findFiles(inputs.patterns, workspace, undefined, { includeHidden: inputs.includeHiddenFiles });
    const isManifest = (file) => manifestFile !== undefined && samePath(file.absolutePath, manifestFile);
    // A manifest is often hidden (.netiks.json, .netiks/manifest.json): it is named as the
    // manifest; a hidden folder holding it stays in the hidden line, as it may hold more.
    const isHiddenManifest = (shown) => manifestFile !== undefined && samePath(external_node_path_default().resolve(workspace, shown), manifestFile);
    const holdsManifest = (shown) => manifestFile !== undefined &&
        shown.endsWith('/') &&
        pathInside(external_node_path_default().resolve(workspace, shown), manifestFile) !== undefined;
    if (found.files.some(isManifest) || found.hidden.some(shown => isHiddenManifest(shown) || holdsManifest(shown))) {
        info(`Leaving out the manifest itself (${escapeForLog(inputs.manifest)}): it changes on every run.`);
        found.files = found.files.filter(file => !isManifest(file));
        found.hidden = found.hidden.filter(shown => !isHiddenManifest(shown));
    }
    if (found.outside.length > 0) {
        warning(`${countOf(found.outside.length, 'matched file')} outside the workspace (${escapeForLog(workspace)}), reported with ` +
            `${found.outside.length === 1 ? 'its' : 'their'} absolute path: ${listSome(found.outside.map(escapeForLog))}`);
    }
    if (found.brokenLinks.length > 0) {
        warning(`Skipping ${countOf(found.brokenLinks.length, 'broken symbolic link')} ` +
            `(the target does not exist): ${listSome(found.brokenLinks.map(escapeForLog))}`);
    }
    sayWhatWasLeftOut(found);
    const leftOut = found.unreachable.filter(entry => entry.matched).map(leftOutFailure);
    const { files, clashes } = nameAssets(found.files, inputs.assetName, found.root);
    const clashWarnings = new CappedWarnings('names shared by several files');
    for (const clash of clashes) {
        clashWarnings.warn(`${listSome(clash.paths.map(escapeForLog), 10, ' and ')} would all be uploaded as ${quoteForLog(clash.name)}: ` +
            `Netiks will hold ${clash.paths.length} assets of that name. Set asset-name: relative to keep their paths apart.`);
    }
    clashWarnings.close();
    const listed = new PerFileLines('matched files');
    for (const file of files) {
        listed.line(() => `• ${escapeForLog(file.relativePath)} (${formatBytes(file.size)}, ${file.contentType}) as ${quoteForLog(file.name)}`);
    }
    listed.close();
    if (files.length > 0) {
        const bytes = totalSize(files);
        info(`${countOf(files.length, 'file')}, ${formatBytes(bytes)}.`);
        return { files, leftOut };
    }
    const message = `${noFilesFound(found)} with the provided path: ${inputs.patterns.join(', ')}. No assets will be uploaded.`;
    if (inputs.ifNoFilesFound === NoFileOption.Error)
        throw new InputError(message);
    if (inputs.ifNoFilesFound === NoFileOption.Warn)
        warning(message);
    else
        info(message);
    await writeOutputs({ confirmed: [], failed: leftOut });
    return { files, leftOut };
}
/**
 * What the search left out, each kind in one line: hidden names as a notice (a docs site may
 * need them: the line says how to take them in), the rest as warnings.
 */
function sayWhatWasLeftOut(found) {
    const { hidden, linksOut, special, unreachable } = found;
    if (hidden.length > 0) {
        notice(`Left out ${entries(hidden.length, 'hidden file or folder', 'hidden files and folders')} ` +
            `(names starting with "."): ${listSome(hidden.map(escapeForLog), 5)}. To upload them, set ` +
            `${Input.IncludeHiddenFiles}: true, or name them in 'path' without a wildcard ` +
            `(such as ${escapeForLog(hidden[0].replace(/\/$/, ''))}).`);
    }
    if (linksOut.length > 0) {
        warning(`Skipping ${countOf(linksOut.length, 'symbolic link')} inside the workspace that ` +
            `${linksOut.length === 1 ? 'leads' : 'lead'} out of it: ` +
            `${listSome(linksOut.map(link => `${escapeForLog(link.path)} → ${escapeForLog(link.target)}`), 10)}. ` +
            "Nothing reached through them is uploaded. To upload a file outside the workspace on purpose, give its absolute path in 'path'.");
    }
    if (special.length > 0) {
        warning(`Skipping ${entries(special.length, 'matched entry', 'matched entries')} that ` +
            `${special.length === 1 ? 'is not a regular file' : 'are not regular files'}: ` +
            `${listSome(special.map(entry => `${escapeForLog(entry.path)} (${entry.kind})`), 10)}. Only regular files are uploaded.`);
    }
    if (unreachable.length > 0) {
        const matched = unreachable.filter(entry => entry.matched).length;
        warning(`Left out ${entries(unreachable.length, 'entry', 'entries')} that cannot be looked at: ` +
            `${listSome(unreachable.map(entry => `${escapeForLog(entry.path)} (${entry.reason})`), 10)}. ` +
            "Rename or remove them, or exclude them with a ! line in 'path'" +
            (matched > 0
                ? `; the ${matched === 1 ? 'one' : matched} 'path' matched ${matched === 1 ? 'is' : 'are'} in the 'failed' output.`
                : '.'));
    }
}
function entries(count, one, many) {
    return `${count} ${count === 1 ? one : many}`;
}
/** A matched entry the search could not look at, as a failure of the run: it was not uploaded. */
function leftOutFailure(entry) {
    const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
    return {
        file: { absolutePath: '', relativePath: entry.path, name, size: 0, contentType: 'application/octet-stream' },
        step: 'not-started',
        message: `Left out by the file search: ${entry.reason}. Rename or remove it, or exclude it with a ! line in 'path'.`
    };
}
/** Why no file will be uploaded: none matched, or those that did are not regular files. */
function noFilesFound(found) {
    const notFiles = [
        ...found.special.map(entry => `${escapeForLog(entry.path)} is ${entry.kind}`),
        ...found.unreachable.map(entry => `${escapeForLog(entry.path)} cannot be looked at`),
        ...found.linksOut.map(link => `${escapeForLog(link.path)} leads out of the workspace`),
        ...found.hidden.map(entry => `${escapeForLog(entry)} is hidden`)
    ];
    return notFiles.length === 0
        ? 'No files were found'
        : `No regular file to upload was found (${listSome(notFiles, 5, '; ')})`;
}
/** Why the step fails when a matched entry was left out: it is in 'failed', and was not uploaded. */
function leftOutError(leftOut) {
    if (leftOut.length === 0)
        return undefined;
    return (`${entries(leftOut.length, 'matched entry was', 'matched entries were')} left out by the file search and ` +
        `not uploaded: ${listSome(leftOut.map(failure => escapeForLog(failure.file.relativePath)), 10)} ` +
        "(see the warning above; listed in the 'failed' output).");
}
async function dryRun(inputs, work, plan) {
    const files = work.upload;
    printPlan(files, plan, inputs, work.unchanged);
    await writeOutputs({ confirmed: [], failed: work.leftOut ?? [] });
    await writePlanSummary(files, plan);
    const bytes = totalSize(files);
    const skipped = work.unchanged.length > 0 ? ` (${work.unchanged.length} unchanged would be skipped)` : '';
    notice(`Dry run: ${countOf(files.length, 'file')} (${formatBytes(bytes)}) would be uploaded ` +
        `to Netiks${plan ? ` in ${plan.strategy} mode` : ''}${skipped}. Nothing was uploaded.`);
}
/** Sends the files and reports them; returns the step's closing error, if it fails. Throws only before the first request. */
async function upload(inputs, work, plan, startedAt) {
    const files = work.upload;
    // Before anything is sent: where the run's record is kept, and the report's files go.
    const tuning = getTuning();
    const { runFolder, spool } = await openRunRecord(tuning.recordsInMemory);
    const progress = new ProgressReporter(files, tuning.progressIntervalMs, line => info(line));
    const lines = runLines();
    const options = {
        baseUrl: inputs.baseUrl,
        concurrency: inputs.concurrency,
        retry: defaultRetryPolicy(inputs.retries, tuning.retryBaseMs),
        failFast: inputs.failFast,
        progress,
        onConfirmed: upload => lines.confirmed.line(() => `✓ ${escapeForLog(upload.file.relativePath)} (${formatBytes(upload.file.size)}) → ` +
            `asset ${escapeForLog(upload.assetId)}`),
        onRetry: (file, _step, retry, delayMs, error) => lines.retries.line(() => `↻ ${escapeForLog(file.relativePath)}: ${escapeForLog(withStop(errorMessage(error)))} Retry ${retry} in ${formatSeconds(delayMs)}.`),
        onUrlRefresh: ({ file, refresh }) => lines.retries.line(() => `↻ ${escapeForLog(file.relativePath)}: S3 refused its presigned URL as expired; generating a fresh one ` +
            `(${refresh} of ${MAX_URL_REFRESHES}).`),
        onFileChanged: (before, now) => lines.changed.warn(`File changed while it waited to be uploaded: ${escapeForLog(before.relativePath)} ` +
            `(${before.size} → ${now.size} bytes); sending it again as it is now.`)
    };
    // Written once, by whichever comes first: the end of the run or the cancellation deadline.
    let reporting;
    const report = async () => {
        reporting ??= reportRun(inputs, work, plan, recorder.result(), startedAt, runFolder, () => {
            progress.stop();
            lines.close();
        });
        return await reporting;
    };
    const cancellation = new Cancellation({
        onCancel: signal => warning(`Received ${signal}: cancelling. Nothing new starts and bodies still being sent are aborted; ` +
            'requests already sent are given until the runner’s deadline to be answered.'),
        onDeadline: () => {
            // The process exits here, before run() lets go of the work: the copy of the manifest goes now.
            void report()
                .then(failStep, (error) => failStep(reportFailure(error)))
                .finally(() => {
                releaseWork(work);
                process.exit(1);
            });
        }
    });
    options.signal = cancellation.signal;
    const recorder = new OutcomeRecorder(files, options, spool.hold);
    const client = new NetiksClient({
        baseUrl: inputs.baseUrl,
        apiKey: inputs.apiKey,
        concurrency: inputs.concurrency,
        userAgent: ACTION_USER_AGENT,
        stallTimeoutMs: tuning.stallTimeoutMs
    });
    const bytes = totalSize(files);
    const title = `Upload ${countOf(files.length, 'file')} (${formatBytes(bytes)}) to ${escapeForLog(inputs.baseUrl)} ` +
        `in ${plan.strategy} mode (${plan.reason}), ${inputs.concurrency} at a time`;
    let unexpected;
    try {
        progress.start();
        await group(title, async () => {
            if (plan.strategy === UploadMode.Single)
                await uploadSingleFiles(client, recorder, options);
            else
                await uploadPresigned(client, recorder, options);
        });
    }
    catch (error) {
        unexpected = error;
    }
    finally {
        client.close();
    }
    // Reported even after an unexpected error: what was confirmed must reach the outputs and the
    // manifest. The signal handlers stay until it is written, so a signal cannot cut it short.
    let failure;
    try {
        failure = await report();
    }
    catch (error) {
        failure = reportFailure(error);
    }
    finally {
        cancellation.dispose();
        spool.close();
    }
    if (unexpected === undefined)
        return failure;
    const cause = `The upload stopped on an unexpected error: ${escapeForLog(withStop(errorMessage(unexpected)))}`;
    return failure === undefined ? cause : `${cause} ${failure}`;
}
/** A report that could not be finished: the step fails, and never says that nothing was uploaded. */
function reportFailure(error) {
    return (`The run's report could not be finished (${escapeForLog(errorMessage(error))}): files may have been ` +
        'uploaded; the log above lists every file confirmed.');
}
/** A folder of the run's own under RUNNER_TEMP, and the spool of confirmed uploads in it. */
async function openRunRecord(recordsInMemory) {
    try {
        const runFolder = await makeRunFolder();
        const spool = new DetailsSpool(external_node_path_default().join(runFolder, 'confirmed.spool'), error => warning(`Could not write to ${escapeForLog(runFolder)} (${escapeForLog(codeOrMessage(error))}): ` +
            'the run keeps the rest of its record in memory instead. Nothing is lost; memory may grow with the number of files.'), recordsInMemory);
        return { runFolder, spool };
    }
    catch (error) {
        throw new InputError(`Cannot write under RUNNER_TEMP (${escapeForLog(process.env.RUNNER_TEMP ?? '')}), where the run keeps its record ` +
            `(${codeOrMessage(error)}); nothing was uploaded. Check the runner's temp folder.`);
    }
}
/**
 * Outputs, manifest, summary and the result line, for whatever the run achieved; returns the
 * step's closing error. Each is written even when one before it could not be: a GITHUB_OUTPUT
 * the runner cannot take still leaves the manifest, the summary and the log telling what was
 * uploaded, and the error names the file that could not be written.
 */
async function reportRun(inputs, work, plan, outcome, startedAt, runFolder, endLiveLog) {
    endLiveLog();
    const durationMs = Date.now() - startedAt;
    const result = { ...outcome, failed: [...(work.leftOut ?? []), ...outcome.failed], unchanged: work.unchanged };
    let written;
    try {
        written = { outputsSet: true, assetsFile: (await writeOutputs(result, runFolder)).assetsFile };
    }
    catch (error) {
        written =
            error instanceof OutputsNotWrittenError
                ? { outputsSet: error.outputsSet, assetsFile: error.assetsFile, problem: error.message }
                : { outputsSet: false, assetsFile: '', problem: escapeForLog(errorMessage(error)) };
    }
    let manifestSaved = false;
    if (work.manifest) {
        const { file, before } = work.manifest;
        manifestSaved = await saveManifest(inputs, async () => await writeManifestWithUploads(file, before, outcome.confirmed));
    }
    await writeSummary(result, {
        strategy: plan.strategy,
        baseUrl: inputs.baseUrl,
        durationMs,
        problem: written.problem
    });
    warnAboutRecordedNames(outcome.confirmed);
    warnAboutPossibleDuplicates(outcome.confirmed);
    const place = recordPlace({ ...written, manifest: manifestSaved ? inputs.manifest : undefined });
    return finish(outcome, work.upload.length, durationMs, work.unchanged.length, place, written.problem);
}
/** The run's per-file lines: shown up to a cap, then left to the progress lines (and the debug log). */
function runLines() {
    const lines = {
        confirmed: new PerFileLines('confirmed files'),
        retries: new PerFileLines('retries'),
        changed: new CappedWarnings('files that changed while they waited'),
        close: () => {
            lines.confirmed.close();
            lines.retries.close();
            lines.changed.close();
        }
    };
    return lines;
}
/** The result line, and the step's closing error if it fails (with the failed files annotated). */
function finish(outcome, total, durationMs, unchanged, place, reportProblem) {
    const result = describeResult(outcome, total, durationMs, unchanged);
    info(result);
    notice(result, { title: 'Netiks upload' });
    const { stoppedBy } = outcome;
    const perFile = outcome.failed.length > 0 && !isSystemic(stoppedBy) && !(stoppedBy instanceof CancelledError);
    const notAnnotated = perFile ? annotateFailures(outcome.failed) : 0;
    return closingError(outcome, total, place, notAnnotated, reportProblem);
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 654:
/***/ ((module) => {


/**
 * Stands in for undici in the action's bundle: tsconfig.json maps `undici` here, and ncc
 * resolves every import through tsconfig's paths, those of node_modules included.
 *
 * @actions/http-client (which @actions/core imports too) imports undici for one thing: the
 * ProxyAgent of `getAgentDispatcher`, a fetch dispatcher for Octokit. The action never calls it;
 * its requests go through node:http with the agents of `getAgent` (src/netiks/http.ts), proxy
 * settings included. Bundled, undici was 900 KB of a 1.4 MB bundle, and compiling and running
 * its modules took about 24 ms of every run's CPU, a quarter of a run's fixed cost.
 *
 * __tests__/undici-stub.test.ts fails when a bundled package imports anything else from undici,
 * and when the bundle holds undici again. Tests that import src/ directly use the real undici.
 */
class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not in this bundle (stubs/undici/index.cjs): @actions/http-client getAgentDispatcher cannot be used'
    )
  }
}

module.exports = { ProxyAgent }


/***/ }),

/***/ 813:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"application/1d-interleaved-parityfec":{"source":"iana"},"application/3gpdash-qoe-report+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/3gpp-ims+xml":{"source":"iana","compressible":true},"application/3gpphal+json":{"source":"iana","compressible":true},"application/3gpphalforms+json":{"source":"iana","compressible":true},"application/a2l":{"source":"iana"},"application/ace+cbor":{"source":"iana"},"application/ace+json":{"source":"iana","compressible":true},"application/ace-groupcomm+cbor":{"source":"iana"},"application/ace-trl+cbor":{"source":"iana"},"application/activemessage":{"source":"iana"},"application/activity+json":{"source":"iana","compressible":true},"application/aif+cbor":{"source":"iana"},"application/aif+json":{"source":"iana","compressible":true},"application/alto-cdni+json":{"source":"iana","compressible":true},"application/alto-cdnifilter+json":{"source":"iana","compressible":true},"application/alto-costmap+json":{"source":"iana","compressible":true},"application/alto-costmapfilter+json":{"source":"iana","compressible":true},"application/alto-directory+json":{"source":"iana","compressible":true},"application/alto-endpointcost+json":{"source":"iana","compressible":true},"application/alto-endpointcostparams+json":{"source":"iana","compressible":true},"application/alto-endpointprop+json":{"source":"iana","compressible":true},"application/alto-endpointpropparams+json":{"source":"iana","compressible":true},"application/alto-error+json":{"source":"iana","compressible":true},"application/alto-networkmap+json":{"source":"iana","compressible":true},"application/alto-networkmapfilter+json":{"source":"iana","compressible":true},"application/alto-propmap+json":{"source":"iana","compressible":true},"application/alto-propmapparams+json":{"source":"iana","compressible":true},"application/alto-tips+json":{"source":"iana","compressible":true},"application/alto-tipsparams+json":{"source":"iana","compressible":true},"application/alto-updatestreamcontrol+json":{"source":"iana","compressible":true},"application/alto-updatestreamparams+json":{"source":"iana","compressible":true},"application/aml":{"source":"iana"},"application/andrew-inset":{"source":"iana","extensions":["ez"]},"application/appinstaller":{"compressible":false,"extensions":["appinstaller"]},"application/applefile":{"source":"iana"},"application/applixware":{"source":"apache","extensions":["aw"]},"application/appx":{"compressible":false,"extensions":["appx"]},"application/appxbundle":{"compressible":false,"extensions":["appxbundle"]},"application/at+jwt":{"source":"iana"},"application/atf":{"source":"iana"},"application/atfx":{"source":"iana"},"application/atom+xml":{"source":"iana","compressible":true,"extensions":["atom"]},"application/atomcat+xml":{"source":"iana","compressible":true,"extensions":["atomcat"]},"application/atomdeleted+xml":{"source":"iana","compressible":true,"extensions":["atomdeleted"]},"application/atomicmail":{"source":"iana"},"application/atomsvc+xml":{"source":"iana","compressible":true,"extensions":["atomsvc"]},"application/atsc-dwd+xml":{"source":"iana","compressible":true,"extensions":["dwd"]},"application/atsc-dynamic-event-message":{"source":"iana"},"application/atsc-held+xml":{"source":"iana","compressible":true,"extensions":["held"]},"application/atsc-rdt+json":{"source":"iana","compressible":true},"application/atsc-rsat+xml":{"source":"iana","compressible":true,"extensions":["rsat"]},"application/atxml":{"source":"iana"},"application/auth-policy+xml":{"source":"iana","compressible":true},"application/automationml-aml+xml":{"source":"iana","compressible":true,"extensions":["aml"]},"application/automationml-amlx+zip":{"source":"iana","compressible":false,"extensions":["amlx"]},"application/bacnet-xdd+zip":{"source":"iana","compressible":false},"application/batch-smtp":{"source":"iana"},"application/bdoc":{"compressible":false,"extensions":["bdoc"]},"application/beep+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/bufr":{"source":"iana"},"application/c2pa":{"source":"iana"},"application/calendar+json":{"source":"iana","compressible":true},"application/calendar+xml":{"source":"iana","compressible":true,"extensions":["xcs"]},"application/call-completion":{"source":"iana"},"application/cals-1840":{"source":"iana"},"application/captive+json":{"source":"iana","compressible":true},"application/cbor":{"source":"iana"},"application/cbor-seq":{"source":"iana"},"application/cccex":{"source":"iana"},"application/ccmp+xml":{"source":"iana","compressible":true},"application/ccxml+xml":{"source":"iana","compressible":true,"extensions":["ccxml"]},"application/cda+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/cdfx+xml":{"source":"iana","compressible":true,"extensions":["cdfx"]},"application/cdmi-capability":{"source":"iana","extensions":["cdmia"]},"application/cdmi-container":{"source":"iana","extensions":["cdmic"]},"application/cdmi-domain":{"source":"iana","extensions":["cdmid"]},"application/cdmi-object":{"source":"iana","extensions":["cdmio"]},"application/cdmi-queue":{"source":"iana","extensions":["cdmiq"]},"application/cdni":{"source":"iana"},"application/ce+cbor":{"source":"iana"},"application/cea":{"source":"iana"},"application/cea-2018+xml":{"source":"iana","compressible":true},"application/cellml+xml":{"source":"iana","compressible":true},"application/cfw":{"source":"iana"},"application/cid-edhoc+cbor-seq":{"source":"iana"},"application/city+json":{"source":"iana","compressible":true},"application/city+json-seq":{"source":"iana"},"application/clr":{"source":"iana"},"application/clue+xml":{"source":"iana","compressible":true},"application/clue_info+xml":{"source":"iana","compressible":true},"application/cms":{"source":"iana"},"application/cnrp+xml":{"source":"iana","compressible":true},"application/coap-eap":{"source":"iana"},"application/coap-group+json":{"source":"iana","compressible":true},"application/coap-payload":{"source":"iana"},"application/commonground":{"source":"iana"},"application/concise-problem-details+cbor":{"source":"iana"},"application/conference-info+xml":{"source":"iana","compressible":true},"application/cose":{"source":"iana"},"application/cose-key":{"source":"iana"},"application/cose-key-set":{"source":"iana"},"application/cose-x509":{"source":"iana"},"application/cpl+xml":{"source":"iana","compressible":true,"extensions":["cpl"]},"application/csrattrs":{"source":"iana"},"application/csta+xml":{"source":"iana","compressible":true},"application/cstadata+xml":{"source":"iana","compressible":true},"application/csvm+json":{"source":"iana","compressible":true},"application/cu-seeme":{"source":"apache","extensions":["cu"]},"application/cwl":{"source":"iana","extensions":["cwl"]},"application/cwl+json":{"source":"iana","compressible":true},"application/cwl+yaml":{"source":"iana"},"application/cwt":{"source":"iana"},"application/cybercash":{"source":"iana"},"application/dart":{"compressible":true},"application/dash+xml":{"source":"iana","compressible":true,"extensions":["mpd"]},"application/dash-patch+xml":{"source":"iana","compressible":true,"extensions":["mpp"]},"application/dashdelta":{"source":"iana"},"application/davmount+xml":{"source":"iana","compressible":true,"extensions":["davmount"]},"application/dca-rft":{"source":"iana"},"application/dcd":{"source":"iana"},"application/dec-dx":{"source":"iana"},"application/dialog-info+xml":{"source":"iana","compressible":true},"application/dicom":{"source":"iana","extensions":["dcm"]},"application/dicom+json":{"source":"iana","compressible":true},"application/dicom+xml":{"source":"iana","compressible":true},"application/dii":{"source":"iana"},"application/dit":{"source":"iana"},"application/dns":{"source":"iana"},"application/dns+json":{"source":"iana","compressible":true},"application/dns-message":{"source":"iana"},"application/docbook+xml":{"source":"apache","compressible":true,"extensions":["dbk"]},"application/dots+cbor":{"source":"iana"},"application/dpop+jwt":{"source":"iana"},"application/dskpp+xml":{"source":"iana","compressible":true},"application/dssc+der":{"source":"iana","extensions":["dssc"]},"application/dssc+xml":{"source":"iana","compressible":true,"extensions":["xdssc"]},"application/dvcs":{"source":"iana"},"application/eat+cwt":{"source":"iana"},"application/eat+jwt":{"source":"iana"},"application/eat-bun+cbor":{"source":"iana"},"application/eat-bun+json":{"source":"iana","compressible":true},"application/eat-ucs+cbor":{"source":"iana"},"application/eat-ucs+json":{"source":"iana","compressible":true},"application/ecmascript":{"source":"apache","compressible":true,"extensions":["ecma"]},"application/edhoc+cbor-seq":{"source":"iana"},"application/edi-consent":{"source":"iana"},"application/edi-x12":{"source":"iana","compressible":false},"application/edifact":{"source":"iana","compressible":false},"application/efi":{"source":"iana"},"application/elm+json":{"source":"iana","charset":"UTF-8","compressible":true},"application/elm+xml":{"source":"iana","compressible":true},"application/emergencycalldata.cap+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/emergencycalldata.comment+xml":{"source":"iana","compressible":true},"application/emergencycalldata.control+xml":{"source":"iana","compressible":true},"application/emergencycalldata.deviceinfo+xml":{"source":"iana","compressible":true},"application/emergencycalldata.ecall.msd":{"source":"iana"},"application/emergencycalldata.legacyesn+json":{"source":"iana","compressible":true},"application/emergencycalldata.providerinfo+xml":{"source":"iana","compressible":true},"application/emergencycalldata.serviceinfo+xml":{"source":"iana","compressible":true},"application/emergencycalldata.subscriberinfo+xml":{"source":"iana","compressible":true},"application/emergencycalldata.veds+xml":{"source":"iana","compressible":true},"application/emma+xml":{"source":"iana","compressible":true,"extensions":["emma"]},"application/emotionml+xml":{"source":"iana","compressible":true,"extensions":["emotionml"]},"application/encaprtp":{"source":"iana"},"application/entity-statement+jwt":{"source":"iana"},"application/epp+xml":{"source":"iana","compressible":true},"application/epub+zip":{"source":"iana","compressible":false,"extensions":["epub"]},"application/eshop":{"source":"iana"},"application/exi":{"source":"iana","extensions":["exi"]},"application/expect-ct-report+json":{"source":"iana","compressible":true},"application/express":{"source":"iana","extensions":["exp"]},"application/fastinfoset":{"source":"iana"},"application/fastsoap":{"source":"iana"},"application/fdf":{"source":"iana","extensions":["fdf"]},"application/fdt+xml":{"source":"iana","compressible":true,"extensions":["fdt"]},"application/fhir+json":{"source":"iana","charset":"UTF-8","compressible":true},"application/fhir+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/fido.trusted-apps+json":{"compressible":true},"application/fits":{"source":"iana"},"application/flexfec":{"source":"iana"},"application/font-sfnt":{"source":"iana"},"application/font-tdpfr":{"source":"iana","extensions":["pfr"]},"application/font-woff":{"source":"iana","compressible":false},"application/framework-attributes+xml":{"source":"iana","compressible":true},"application/geo+json":{"source":"iana","compressible":true,"extensions":["geojson"]},"application/geo+json-seq":{"source":"iana"},"application/geopackage+sqlite3":{"source":"iana"},"application/geopose+json":{"source":"iana","compressible":true},"application/geoxacml+json":{"source":"iana","compressible":true},"application/geoxacml+xml":{"source":"iana","compressible":true},"application/gltf-buffer":{"source":"iana"},"application/gml+xml":{"source":"iana","compressible":true,"extensions":["gml"]},"application/gnap-binding-jws":{"source":"iana"},"application/gnap-binding-jwsd":{"source":"iana"},"application/gnap-binding-rotation-jws":{"source":"iana"},"application/gnap-binding-rotation-jwsd":{"source":"iana"},"application/gpx+xml":{"source":"apache","compressible":true,"extensions":["gpx"]},"application/grib":{"source":"iana"},"application/gxf":{"source":"apache","extensions":["gxf"]},"application/gzip":{"source":"iana","compressible":false,"extensions":["gz"]},"application/h224":{"source":"iana"},"application/held+xml":{"source":"iana","compressible":true},"application/hjson":{"extensions":["hjson"]},"application/hl7v2+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/http":{"source":"iana"},"application/hyperstudio":{"source":"iana","extensions":["stk"]},"application/ibe-key-request+xml":{"source":"iana","compressible":true},"application/ibe-pkg-reply+xml":{"source":"iana","compressible":true},"application/ibe-pp-data":{"source":"iana"},"application/iges":{"source":"iana"},"application/im-iscomposing+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/index":{"source":"iana"},"application/index.cmd":{"source":"iana"},"application/index.obj":{"source":"iana"},"application/index.response":{"source":"iana"},"application/index.vnd":{"source":"iana"},"application/inkml+xml":{"source":"iana","compressible":true,"extensions":["ink","inkml"]},"application/iotp":{"source":"iana"},"application/ipfix":{"source":"iana","extensions":["ipfix"]},"application/ipp":{"source":"iana"},"application/isup":{"source":"iana"},"application/its+xml":{"source":"iana","compressible":true,"extensions":["its"]},"application/java-archive":{"source":"iana","compressible":false,"extensions":["jar","war","ear"]},"application/java-serialized-object":{"source":"apache","compressible":false,"extensions":["ser"]},"application/java-vm":{"source":"apache","compressible":false,"extensions":["class"]},"application/javascript":{"source":"apache","charset":"UTF-8","compressible":true,"extensions":["js"]},"application/jf2feed+json":{"source":"iana","compressible":true},"application/jose":{"source":"iana"},"application/jose+json":{"source":"iana","compressible":true},"application/jrd+json":{"source":"iana","compressible":true},"application/jscalendar+json":{"source":"iana","compressible":true},"application/jscontact+json":{"source":"iana","compressible":true},"application/json":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["json","map"]},"application/json-patch+json":{"source":"iana","compressible":true},"application/json-seq":{"source":"iana"},"application/json5":{"extensions":["json5"]},"application/jsonml+json":{"source":"apache","compressible":true,"extensions":["jsonml"]},"application/jsonpath":{"source":"iana"},"application/jwk+json":{"source":"iana","compressible":true},"application/jwk-set+json":{"source":"iana","compressible":true},"application/jwk-set+jwt":{"source":"iana"},"application/jwt":{"source":"iana"},"application/kpml-request+xml":{"source":"iana","compressible":true},"application/kpml-response+xml":{"source":"iana","compressible":true},"application/ld+json":{"source":"iana","compressible":true,"extensions":["jsonld"]},"application/lgr+xml":{"source":"iana","compressible":true,"extensions":["lgr"]},"application/link-format":{"source":"iana"},"application/linkset":{"source":"iana"},"application/linkset+json":{"source":"iana","compressible":true},"application/load-control+xml":{"source":"iana","compressible":true},"application/logout+jwt":{"source":"iana"},"application/lost+xml":{"source":"iana","compressible":true,"extensions":["lostxml"]},"application/lostsync+xml":{"source":"iana","compressible":true},"application/lpf+zip":{"source":"iana","compressible":false},"application/lxf":{"source":"iana"},"application/mac-binhex40":{"source":"iana","extensions":["hqx"]},"application/mac-compactpro":{"source":"apache","extensions":["cpt"]},"application/macwriteii":{"source":"iana"},"application/mads+xml":{"source":"iana","compressible":true,"extensions":["mads"]},"application/manifest+json":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["webmanifest"]},"application/marc":{"source":"iana","extensions":["mrc"]},"application/marcxml+xml":{"source":"iana","compressible":true,"extensions":["mrcx"]},"application/mathematica":{"source":"iana","extensions":["ma","nb","mb"]},"application/mathml+xml":{"source":"iana","compressible":true,"extensions":["mathml"]},"application/mathml-content+xml":{"source":"iana","compressible":true},"application/mathml-presentation+xml":{"source":"iana","compressible":true},"application/mbms-associated-procedure-description+xml":{"source":"iana","compressible":true},"application/mbms-deregister+xml":{"source":"iana","compressible":true},"application/mbms-envelope+xml":{"source":"iana","compressible":true},"application/mbms-msk+xml":{"source":"iana","compressible":true},"application/mbms-msk-response+xml":{"source":"iana","compressible":true},"application/mbms-protection-description+xml":{"source":"iana","compressible":true},"application/mbms-reception-report+xml":{"source":"iana","compressible":true},"application/mbms-register+xml":{"source":"iana","compressible":true},"application/mbms-register-response+xml":{"source":"iana","compressible":true},"application/mbms-schedule+xml":{"source":"iana","compressible":true},"application/mbms-user-service-description+xml":{"source":"iana","compressible":true},"application/mbox":{"source":"iana","extensions":["mbox"]},"application/media-policy-dataset+xml":{"source":"iana","compressible":true,"extensions":["mpf"]},"application/media_control+xml":{"source":"iana","compressible":true},"application/mediaservercontrol+xml":{"source":"iana","compressible":true,"extensions":["mscml"]},"application/merge-patch+json":{"source":"iana","compressible":true},"application/metalink+xml":{"source":"apache","compressible":true,"extensions":["metalink"]},"application/metalink4+xml":{"source":"iana","compressible":true,"extensions":["meta4"]},"application/mets+xml":{"source":"iana","compressible":true,"extensions":["mets"]},"application/mf4":{"source":"iana"},"application/mikey":{"source":"iana"},"application/mipc":{"source":"iana"},"application/missing-blocks+cbor-seq":{"source":"iana"},"application/mmt-aei+xml":{"source":"iana","compressible":true,"extensions":["maei"]},"application/mmt-usd+xml":{"source":"iana","compressible":true,"extensions":["musd"]},"application/mods+xml":{"source":"iana","compressible":true,"extensions":["mods"]},"application/moss-keys":{"source":"iana"},"application/moss-signature":{"source":"iana"},"application/mosskey-data":{"source":"iana"},"application/mosskey-request":{"source":"iana"},"application/mp21":{"source":"iana","extensions":["m21","mp21"]},"application/mp4":{"source":"iana","extensions":["mp4","mpg4","mp4s","m4p"]},"application/mpeg4-generic":{"source":"iana"},"application/mpeg4-iod":{"source":"iana"},"application/mpeg4-iod-xmt":{"source":"iana"},"application/mrb-consumer+xml":{"source":"iana","compressible":true},"application/mrb-publish+xml":{"source":"iana","compressible":true},"application/msc-ivr+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/msc-mixer+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/msix":{"compressible":false,"extensions":["msix"]},"application/msixbundle":{"compressible":false,"extensions":["msixbundle"]},"application/msword":{"source":"iana","compressible":false,"extensions":["doc","dot"]},"application/mud+json":{"source":"iana","compressible":true},"application/multipart-core":{"source":"iana"},"application/mxf":{"source":"iana","extensions":["mxf"]},"application/n-quads":{"source":"iana","extensions":["nq"]},"application/n-triples":{"source":"iana","extensions":["nt"]},"application/nasdata":{"source":"iana"},"application/news-checkgroups":{"source":"iana","charset":"US-ASCII"},"application/news-groupinfo":{"source":"iana","charset":"US-ASCII"},"application/news-transmission":{"source":"iana"},"application/nlsml+xml":{"source":"iana","compressible":true},"application/node":{"source":"iana","extensions":["cjs"]},"application/nss":{"source":"iana"},"application/oauth-authz-req+jwt":{"source":"iana"},"application/oblivious-dns-message":{"source":"iana"},"application/ocsp-request":{"source":"iana"},"application/ocsp-response":{"source":"iana"},"application/octet-stream":{"source":"iana","compressible":true,"extensions":["bin","dms","lrf","mar","so","dist","distz","pkg","bpk","dump","elc","deploy","exe","dll","deb","dmg","iso","img","msi","msp","msm","buffer"]},"application/oda":{"source":"iana","extensions":["oda"]},"application/odm+xml":{"source":"iana","compressible":true},"application/odx":{"source":"iana"},"application/oebps-package+xml":{"source":"iana","compressible":true,"extensions":["opf"]},"application/ogg":{"source":"iana","compressible":false,"extensions":["ogx"]},"application/ohttp-keys":{"source":"iana"},"application/omdoc+xml":{"source":"apache","compressible":true,"extensions":["omdoc"]},"application/onenote":{"source":"apache","extensions":["onetoc","onetoc2","onetmp","onepkg","one","onea"]},"application/opc-nodeset+xml":{"source":"iana","compressible":true},"application/oscore":{"source":"iana"},"application/oxps":{"source":"iana","extensions":["oxps"]},"application/p21":{"source":"iana"},"application/p21+zip":{"source":"iana","compressible":false},"application/p2p-overlay+xml":{"source":"iana","compressible":true,"extensions":["relo"]},"application/parityfec":{"source":"iana"},"application/passport":{"source":"iana"},"application/patch-ops-error+xml":{"source":"iana","compressible":true,"extensions":["xer"]},"application/pdf":{"source":"iana","compressible":false,"extensions":["pdf"]},"application/pdx":{"source":"iana"},"application/pem-certificate-chain":{"source":"iana"},"application/pgp-encrypted":{"source":"iana","compressible":false,"extensions":["pgp"]},"application/pgp-keys":{"source":"iana","extensions":["asc"]},"application/pgp-signature":{"source":"iana","extensions":["sig","asc"]},"application/pics-rules":{"source":"apache","extensions":["prf"]},"application/pidf+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/pidf-diff+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/pkcs10":{"source":"iana","extensions":["p10"]},"application/pkcs12":{"source":"iana"},"application/pkcs7-mime":{"source":"iana","extensions":["p7m","p7c"]},"application/pkcs7-signature":{"source":"iana","extensions":["p7s"]},"application/pkcs8":{"source":"iana","extensions":["p8"]},"application/pkcs8-encrypted":{"source":"iana"},"application/pkix-attr-cert":{"source":"iana","extensions":["ac"]},"application/pkix-cert":{"source":"iana","extensions":["cer"]},"application/pkix-crl":{"source":"iana","extensions":["crl"]},"application/pkix-pkipath":{"source":"iana","extensions":["pkipath"]},"application/pkixcmp":{"source":"iana","extensions":["pki"]},"application/pls+xml":{"source":"iana","compressible":true,"extensions":["pls"]},"application/poc-settings+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/postscript":{"source":"iana","compressible":true,"extensions":["ai","eps","ps"]},"application/ppsp-tracker+json":{"source":"iana","compressible":true},"application/private-token-issuer-directory":{"source":"iana"},"application/private-token-request":{"source":"iana"},"application/private-token-response":{"source":"iana"},"application/problem+json":{"source":"iana","compressible":true},"application/problem+xml":{"source":"iana","compressible":true},"application/provenance+xml":{"source":"iana","compressible":true,"extensions":["provx"]},"application/provided-claims+jwt":{"source":"iana"},"application/prs.alvestrand.titrax-sheet":{"source":"iana"},"application/prs.cww":{"source":"iana","extensions":["cww"]},"application/prs.cyn":{"source":"iana","charset":"7-BIT"},"application/prs.hpub+zip":{"source":"iana","compressible":false},"application/prs.implied-document+xml":{"source":"iana","compressible":true},"application/prs.implied-executable":{"source":"iana"},"application/prs.implied-object+json":{"source":"iana","compressible":true},"application/prs.implied-object+json-seq":{"source":"iana"},"application/prs.implied-object+yaml":{"source":"iana"},"application/prs.implied-structure":{"source":"iana"},"application/prs.mayfile":{"source":"iana"},"application/prs.nprend":{"source":"iana"},"application/prs.plucker":{"source":"iana"},"application/prs.rdf-xml-crypt":{"source":"iana"},"application/prs.vcfbzip2":{"source":"iana"},"application/prs.xsf+xml":{"source":"iana","compressible":true,"extensions":["xsf"]},"application/pskc+xml":{"source":"iana","compressible":true,"extensions":["pskcxml"]},"application/pvd+json":{"source":"iana","compressible":true},"application/qsig":{"source":"iana"},"application/raml+yaml":{"compressible":true,"extensions":["raml"]},"application/raptorfec":{"source":"iana"},"application/rdap+json":{"source":"iana","compressible":true},"application/rdf+xml":{"source":"iana","compressible":true,"extensions":["rdf","owl"]},"application/reginfo+xml":{"source":"iana","compressible":true,"extensions":["rif"]},"application/relax-ng-compact-syntax":{"source":"iana","extensions":["rnc"]},"application/remote-printing":{"source":"apache"},"application/reputon+json":{"source":"iana","compressible":true},"application/resolve-response+jwt":{"source":"iana"},"application/resource-lists+xml":{"source":"iana","compressible":true,"extensions":["rl"]},"application/resource-lists-diff+xml":{"source":"iana","compressible":true,"extensions":["rld"]},"application/rfc+xml":{"source":"iana","compressible":true},"application/riscos":{"source":"iana"},"application/rlmi+xml":{"source":"iana","compressible":true},"application/rls-services+xml":{"source":"iana","compressible":true,"extensions":["rs"]},"application/route-apd+xml":{"source":"iana","compressible":true,"extensions":["rapd"]},"application/route-s-tsid+xml":{"source":"iana","compressible":true,"extensions":["sls"]},"application/route-usd+xml":{"source":"iana","compressible":true,"extensions":["rusd"]},"application/rpki-checklist":{"source":"iana"},"application/rpki-ghostbusters":{"source":"iana","extensions":["gbr"]},"application/rpki-manifest":{"source":"iana","extensions":["mft"]},"application/rpki-publication":{"source":"iana"},"application/rpki-roa":{"source":"iana","extensions":["roa"]},"application/rpki-signed-tal":{"source":"iana"},"application/rpki-updown":{"source":"iana"},"application/rsd+xml":{"source":"apache","compressible":true,"extensions":["rsd"]},"application/rss+xml":{"source":"apache","compressible":true,"extensions":["rss"]},"application/rtf":{"source":"iana","compressible":true,"extensions":["rtf"]},"application/rtploopback":{"source":"iana"},"application/rtx":{"source":"iana"},"application/samlassertion+xml":{"source":"iana","compressible":true},"application/samlmetadata+xml":{"source":"iana","compressible":true},"application/sarif+json":{"source":"iana","compressible":true},"application/sarif-external-properties+json":{"source":"iana","compressible":true},"application/sbe":{"source":"iana"},"application/sbml+xml":{"source":"iana","compressible":true,"extensions":["sbml"]},"application/scaip+xml":{"source":"iana","compressible":true},"application/scim+json":{"source":"iana","compressible":true},"application/scvp-cv-request":{"source":"iana","extensions":["scq"]},"application/scvp-cv-response":{"source":"iana","extensions":["scs"]},"application/scvp-vp-request":{"source":"iana","extensions":["spq"]},"application/scvp-vp-response":{"source":"iana","extensions":["spp"]},"application/sdp":{"source":"iana","extensions":["sdp"]},"application/secevent+jwt":{"source":"iana"},"application/senml+cbor":{"source":"iana"},"application/senml+json":{"source":"iana","compressible":true},"application/senml+xml":{"source":"iana","compressible":true,"extensions":["senmlx"]},"application/senml-etch+cbor":{"source":"iana"},"application/senml-etch+json":{"source":"iana","compressible":true},"application/senml-exi":{"source":"iana"},"application/sensml+cbor":{"source":"iana"},"application/sensml+json":{"source":"iana","compressible":true},"application/sensml+xml":{"source":"iana","compressible":true,"extensions":["sensmlx"]},"application/sensml-exi":{"source":"iana"},"application/sep+xml":{"source":"iana","compressible":true},"application/sep-exi":{"source":"iana"},"application/session-info":{"source":"iana"},"application/set-payment":{"source":"iana"},"application/set-payment-initiation":{"source":"iana","extensions":["setpay"]},"application/set-registration":{"source":"iana"},"application/set-registration-initiation":{"source":"iana","extensions":["setreg"]},"application/sgml":{"source":"iana"},"application/sgml-open-catalog":{"source":"iana"},"application/shf+xml":{"source":"iana","compressible":true,"extensions":["shf"]},"application/sieve":{"source":"iana","extensions":["siv","sieve"]},"application/simple-filter+xml":{"source":"iana","compressible":true},"application/simple-message-summary":{"source":"iana"},"application/simplesymbolcontainer":{"source":"iana"},"application/sipc":{"source":"iana"},"application/slate":{"source":"iana"},"application/smil":{"source":"apache"},"application/smil+xml":{"source":"iana","compressible":true,"extensions":["smi","smil"]},"application/smpte336m":{"source":"iana"},"application/soap+fastinfoset":{"source":"iana"},"application/soap+xml":{"source":"iana","compressible":true},"application/sparql-query":{"source":"iana","extensions":["rq"]},"application/sparql-results+xml":{"source":"iana","compressible":true,"extensions":["srx"]},"application/spdx+json":{"source":"iana","compressible":true},"application/spirits-event+xml":{"source":"iana","compressible":true},"application/sql":{"source":"iana","extensions":["sql"]},"application/srgs":{"source":"iana","extensions":["gram"]},"application/srgs+xml":{"source":"iana","compressible":true,"extensions":["grxml"]},"application/sru+xml":{"source":"iana","compressible":true,"extensions":["sru"]},"application/ssdl+xml":{"source":"apache","compressible":true,"extensions":["ssdl"]},"application/sslkeylogfile":{"source":"iana"},"application/ssml+xml":{"source":"iana","compressible":true,"extensions":["ssml"]},"application/st2110-41":{"source":"iana"},"application/stix+json":{"source":"iana","compressible":true},"application/stratum":{"source":"iana"},"application/swid+cbor":{"source":"iana"},"application/swid+xml":{"source":"iana","compressible":true,"extensions":["swidtag"]},"application/tamp-apex-update":{"source":"iana"},"application/tamp-apex-update-confirm":{"source":"iana"},"application/tamp-community-update":{"source":"iana"},"application/tamp-community-update-confirm":{"source":"iana"},"application/tamp-error":{"source":"iana"},"application/tamp-sequence-adjust":{"source":"iana"},"application/tamp-sequence-adjust-confirm":{"source":"iana"},"application/tamp-status-query":{"source":"iana"},"application/tamp-status-response":{"source":"iana"},"application/tamp-update":{"source":"iana"},"application/tamp-update-confirm":{"source":"iana"},"application/tar":{"compressible":true},"application/taxii+json":{"source":"iana","compressible":true},"application/td+json":{"source":"iana","compressible":true},"application/tei+xml":{"source":"iana","compressible":true,"extensions":["tei","teicorpus"]},"application/tetra_isi":{"source":"iana"},"application/thraud+xml":{"source":"iana","compressible":true,"extensions":["tfi"]},"application/timestamp-query":{"source":"iana"},"application/timestamp-reply":{"source":"iana"},"application/timestamped-data":{"source":"iana","extensions":["tsd"]},"application/tlsrpt+gzip":{"source":"iana"},"application/tlsrpt+json":{"source":"iana","compressible":true},"application/tm+json":{"source":"iana","compressible":true},"application/tnauthlist":{"source":"iana"},"application/toc+cbor":{"source":"iana"},"application/token-introspection+jwt":{"source":"iana"},"application/toml":{"source":"iana","compressible":true,"extensions":["toml"]},"application/trickle-ice-sdpfrag":{"source":"iana"},"application/trig":{"source":"iana","extensions":["trig"]},"application/trust-chain+json":{"source":"iana","compressible":true},"application/trust-mark+jwt":{"source":"iana"},"application/trust-mark-delegation+jwt":{"source":"iana"},"application/ttml+xml":{"source":"iana","compressible":true,"extensions":["ttml"]},"application/tve-trigger":{"source":"iana"},"application/tzif":{"source":"iana"},"application/tzif-leap":{"source":"iana"},"application/ubjson":{"compressible":false,"extensions":["ubj"]},"application/uccs+cbor":{"source":"iana"},"application/ujcs+json":{"source":"iana","compressible":true},"application/ulpfec":{"source":"iana"},"application/urc-grpsheet+xml":{"source":"iana","compressible":true},"application/urc-ressheet+xml":{"source":"iana","compressible":true,"extensions":["rsheet"]},"application/urc-targetdesc+xml":{"source":"iana","compressible":true,"extensions":["td"]},"application/urc-uisocketdesc+xml":{"source":"iana","compressible":true},"application/vc":{"source":"iana"},"application/vc+cose":{"source":"iana"},"application/vc+jwt":{"source":"iana"},"application/vcard+json":{"source":"iana","compressible":true},"application/vcard+xml":{"source":"iana","compressible":true},"application/vemmi":{"source":"iana"},"application/vividence.scriptfile":{"source":"apache"},"application/vnd.1000minds.decision-model+xml":{"source":"iana","compressible":true,"extensions":["1km"]},"application/vnd.1ob":{"source":"iana"},"application/vnd.3gpp-prose+xml":{"source":"iana","compressible":true},"application/vnd.3gpp-prose-pc3a+xml":{"source":"iana","compressible":true},"application/vnd.3gpp-prose-pc3ach+xml":{"source":"iana","compressible":true},"application/vnd.3gpp-prose-pc3ch+xml":{"source":"iana","compressible":true},"application/vnd.3gpp-prose-pc8+xml":{"source":"iana","compressible":true},"application/vnd.3gpp-v2x-local-service-information":{"source":"iana"},"application/vnd.3gpp.5gnas":{"source":"iana"},"application/vnd.3gpp.5gsa2x":{"source":"iana"},"application/vnd.3gpp.5gsa2x-local-service-information":{"source":"iana"},"application/vnd.3gpp.5gsv2x":{"source":"iana"},"application/vnd.3gpp.5gsv2x-local-service-information":{"source":"iana"},"application/vnd.3gpp.access-transfer-events+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.bsf+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.crs+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.current-location-discovery+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.gmop+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.gtpc":{"source":"iana"},"application/vnd.3gpp.interworking-data":{"source":"iana"},"application/vnd.3gpp.lpp":{"source":"iana"},"application/vnd.3gpp.mc-signalling-ear":{"source":"iana"},"application/vnd.3gpp.mcdata-affiliation-command+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcdata-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcdata-msgstore-ctrl-request+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcdata-payload":{"source":"iana"},"application/vnd.3gpp.mcdata-regroup+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcdata-service-config+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcdata-signalling":{"source":"iana"},"application/vnd.3gpp.mcdata-ue-config+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcdata-user-profile+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-affiliation-command+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-floor-request+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-location-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-mbms-usage-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-regroup+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-service-config+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-signed+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-ue-config+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-ue-init-config+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcptt-user-profile+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-affiliation-command+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-location-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-mbms-usage-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-regroup+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-service-config+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-transmission-request+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-ue-config+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mcvideo-user-profile+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.mid-call+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.ngap":{"source":"iana"},"application/vnd.3gpp.pfcp":{"source":"iana"},"application/vnd.3gpp.pic-bw-large":{"source":"iana","extensions":["plb"]},"application/vnd.3gpp.pic-bw-small":{"source":"iana","extensions":["psb"]},"application/vnd.3gpp.pic-bw-var":{"source":"iana","extensions":["pvb"]},"application/vnd.3gpp.pinapp-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.s1ap":{"source":"iana"},"application/vnd.3gpp.seal-group-doc+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.seal-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.seal-location-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.seal-mbms-usage-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.seal-network-qos-management-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.seal-ue-config-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.seal-unicast-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.seal-user-profile-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.sms":{"source":"iana"},"application/vnd.3gpp.sms+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.srvcc-ext+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.srvcc-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.state-and-event-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.ussd+xml":{"source":"iana","compressible":true},"application/vnd.3gpp.v2x":{"source":"iana"},"application/vnd.3gpp.vae-info+xml":{"source":"iana","compressible":true},"application/vnd.3gpp2.bcmcsinfo+xml":{"source":"iana","compressible":true},"application/vnd.3gpp2.sms":{"source":"iana"},"application/vnd.3gpp2.tcap":{"source":"iana","extensions":["tcap"]},"application/vnd.3lightssoftware.imagescal":{"source":"iana"},"application/vnd.3m.post-it-notes":{"source":"iana","extensions":["pwn"]},"application/vnd.accpac.simply.aso":{"source":"iana","extensions":["aso"]},"application/vnd.accpac.simply.imp":{"source":"iana","extensions":["imp"]},"application/vnd.acm.addressxfer+json":{"source":"iana","compressible":true},"application/vnd.acm.chatbot+json":{"source":"iana","compressible":true},"application/vnd.acucobol":{"source":"iana","extensions":["acu"]},"application/vnd.acucorp":{"source":"iana","extensions":["atc","acutc"]},"application/vnd.adobe.air-application-installer-package+zip":{"source":"apache","compressible":false,"extensions":["air"]},"application/vnd.adobe.flash.movie":{"source":"iana"},"application/vnd.adobe.formscentral.fcdt":{"source":"iana","extensions":["fcdt"]},"application/vnd.adobe.fxp":{"source":"iana","extensions":["fxp","fxpl"]},"application/vnd.adobe.partial-upload":{"source":"iana"},"application/vnd.adobe.xdp+xml":{"source":"iana","compressible":true,"extensions":["xdp"]},"application/vnd.adobe.xfdf":{"source":"apache","extensions":["xfdf"]},"application/vnd.aether.imp":{"source":"iana"},"application/vnd.afpc.afplinedata":{"source":"iana"},"application/vnd.afpc.afplinedata-pagedef":{"source":"iana"},"application/vnd.afpc.cmoca-cmresource":{"source":"iana"},"application/vnd.afpc.foca-charset":{"source":"iana"},"application/vnd.afpc.foca-codedfont":{"source":"iana"},"application/vnd.afpc.foca-codepage":{"source":"iana"},"application/vnd.afpc.modca":{"source":"iana"},"application/vnd.afpc.modca-cmtable":{"source":"iana"},"application/vnd.afpc.modca-formdef":{"source":"iana"},"application/vnd.afpc.modca-mediummap":{"source":"iana"},"application/vnd.afpc.modca-objectcontainer":{"source":"iana"},"application/vnd.afpc.modca-overlay":{"source":"iana"},"application/vnd.afpc.modca-pagesegment":{"source":"iana"},"application/vnd.age":{"source":"iana","extensions":["age"]},"application/vnd.ah-barcode":{"source":"apache"},"application/vnd.ahead.space":{"source":"iana","extensions":["ahead"]},"application/vnd.airzip.filesecure.azf":{"source":"iana","extensions":["azf"]},"application/vnd.airzip.filesecure.azs":{"source":"iana","extensions":["azs"]},"application/vnd.amadeus+json":{"source":"iana","compressible":true},"application/vnd.amazon.ebook":{"source":"apache","extensions":["azw"]},"application/vnd.amazon.mobi8-ebook":{"source":"iana"},"application/vnd.americandynamics.acc":{"source":"iana","extensions":["acc"]},"application/vnd.amiga.ami":{"source":"iana","extensions":["ami"]},"application/vnd.amundsen.maze+xml":{"source":"iana","compressible":true},"application/vnd.android.ota":{"source":"iana"},"application/vnd.android.package-archive":{"source":"apache","compressible":false,"extensions":["apk"]},"application/vnd.anki":{"source":"iana"},"application/vnd.anser-web-certificate-issue-initiation":{"source":"iana","extensions":["cii"]},"application/vnd.anser-web-funds-transfer-initiation":{"source":"apache","extensions":["fti"]},"application/vnd.antix.game-component":{"source":"iana","extensions":["atx"]},"application/vnd.apache.arrow.file":{"source":"iana"},"application/vnd.apache.arrow.stream":{"source":"iana"},"application/vnd.apache.parquet":{"source":"iana"},"application/vnd.apache.thrift.binary":{"source":"iana"},"application/vnd.apache.thrift.compact":{"source":"iana"},"application/vnd.apache.thrift.json":{"source":"iana"},"application/vnd.apexlang":{"source":"iana"},"application/vnd.api+json":{"source":"iana","compressible":true},"application/vnd.aplextor.warrp+json":{"source":"iana","compressible":true},"application/vnd.apothekende.reservation+json":{"source":"iana","compressible":true},"application/vnd.apple.installer+xml":{"source":"iana","compressible":true,"extensions":["mpkg"]},"application/vnd.apple.keynote":{"source":"iana","extensions":["key"]},"application/vnd.apple.mpegurl":{"source":"iana","extensions":["m3u8"]},"application/vnd.apple.numbers":{"source":"iana","extensions":["numbers"]},"application/vnd.apple.pages":{"source":"iana","extensions":["pages"]},"application/vnd.apple.pkpass":{"compressible":false,"extensions":["pkpass"]},"application/vnd.arastra.swi":{"source":"apache"},"application/vnd.aristanetworks.swi":{"source":"iana","extensions":["swi"]},"application/vnd.artisan+json":{"source":"iana","compressible":true},"application/vnd.artsquare":{"source":"iana"},"application/vnd.astraea-software.iota":{"source":"iana","extensions":["iota"]},"application/vnd.audiograph":{"source":"iana","extensions":["aep"]},"application/vnd.autodesk.fbx":{"extensions":["fbx"]},"application/vnd.autopackage":{"source":"iana"},"application/vnd.avalon+json":{"source":"iana","compressible":true},"application/vnd.avistar+xml":{"source":"iana","compressible":true},"application/vnd.balsamiq.bmml+xml":{"source":"iana","compressible":true,"extensions":["bmml"]},"application/vnd.balsamiq.bmpr":{"source":"iana"},"application/vnd.banana-accounting":{"source":"iana"},"application/vnd.bbf.usp.error":{"source":"iana"},"application/vnd.bbf.usp.msg":{"source":"iana"},"application/vnd.bbf.usp.msg+json":{"source":"iana","compressible":true},"application/vnd.bekitzur-stech+json":{"source":"iana","compressible":true},"application/vnd.belightsoft.lhzd+zip":{"source":"iana","compressible":false},"application/vnd.belightsoft.lhzl+zip":{"source":"iana","compressible":false},"application/vnd.bint.med-content":{"source":"iana"},"application/vnd.biopax.rdf+xml":{"source":"iana","compressible":true},"application/vnd.blink-idb-value-wrapper":{"source":"iana"},"application/vnd.blueice.multipass":{"source":"iana","extensions":["mpm"]},"application/vnd.bluetooth.ep.oob":{"source":"iana"},"application/vnd.bluetooth.le.oob":{"source":"iana"},"application/vnd.bmi":{"source":"iana","extensions":["bmi"]},"application/vnd.bpf":{"source":"iana"},"application/vnd.bpf3":{"source":"iana"},"application/vnd.businessobjects":{"source":"iana","extensions":["rep"]},"application/vnd.byu.uapi+json":{"source":"iana","compressible":true},"application/vnd.bzip3":{"source":"iana"},"application/vnd.c3voc.schedule+xml":{"source":"iana","compressible":true},"application/vnd.cab-jscript":{"source":"iana"},"application/vnd.canon-cpdl":{"source":"iana"},"application/vnd.canon-lips":{"source":"iana"},"application/vnd.capasystems-pg+json":{"source":"iana","compressible":true},"application/vnd.cendio.thinlinc.clientconf":{"source":"iana"},"application/vnd.century-systems.tcp_stream":{"source":"iana"},"application/vnd.chemdraw+xml":{"source":"iana","compressible":true,"extensions":["cdxml"]},"application/vnd.chess-pgn":{"source":"iana"},"application/vnd.chipnuts.karaoke-mmd":{"source":"iana","extensions":["mmd"]},"application/vnd.ciedi":{"source":"iana"},"application/vnd.cinderella":{"source":"iana","extensions":["cdy"]},"application/vnd.cirpack.isdn-ext":{"source":"iana"},"application/vnd.citationstyles.style+xml":{"source":"iana","compressible":true,"extensions":["csl"]},"application/vnd.claymore":{"source":"iana","extensions":["cla"]},"application/vnd.cloanto.rp9":{"source":"iana","extensions":["rp9"]},"application/vnd.clonk.c4group":{"source":"iana","extensions":["c4g","c4d","c4f","c4p","c4u"]},"application/vnd.cluetrust.cartomobile-config":{"source":"iana","extensions":["c11amc"]},"application/vnd.cluetrust.cartomobile-config-pkg":{"source":"iana","extensions":["c11amz"]},"application/vnd.cncf.helm.chart.content.v1.tar+gzip":{"source":"iana"},"application/vnd.cncf.helm.chart.provenance.v1.prov":{"source":"iana"},"application/vnd.cncf.helm.config.v1+json":{"source":"iana","compressible":true},"application/vnd.coffeescript":{"source":"iana"},"application/vnd.collabio.xodocuments.document":{"source":"iana"},"application/vnd.collabio.xodocuments.document-template":{"source":"iana"},"application/vnd.collabio.xodocuments.presentation":{"source":"iana"},"application/vnd.collabio.xodocuments.presentation-template":{"source":"iana"},"application/vnd.collabio.xodocuments.spreadsheet":{"source":"iana"},"application/vnd.collabio.xodocuments.spreadsheet-template":{"source":"iana"},"application/vnd.collection+json":{"source":"iana","compressible":true},"application/vnd.collection.doc+json":{"source":"iana","compressible":true},"application/vnd.collection.next+json":{"source":"iana","compressible":true},"application/vnd.comicbook+zip":{"source":"iana","compressible":false},"application/vnd.comicbook-rar":{"source":"iana"},"application/vnd.commerce-battelle":{"source":"iana"},"application/vnd.commonspace":{"source":"iana","extensions":["csp"]},"application/vnd.contact.cmsg":{"source":"iana","extensions":["cdbcmsg"]},"application/vnd.coreos.ignition+json":{"source":"iana","compressible":true},"application/vnd.cosmocaller":{"source":"iana","extensions":["cmc"]},"application/vnd.crick.clicker":{"source":"iana","extensions":["clkx"]},"application/vnd.crick.clicker.keyboard":{"source":"iana","extensions":["clkk"]},"application/vnd.crick.clicker.palette":{"source":"iana","extensions":["clkp"]},"application/vnd.crick.clicker.template":{"source":"iana","extensions":["clkt"]},"application/vnd.crick.clicker.wordbank":{"source":"iana","extensions":["clkw"]},"application/vnd.criticaltools.wbs+xml":{"source":"iana","compressible":true,"extensions":["wbs"]},"application/vnd.cryptii.pipe+json":{"source":"iana","compressible":true},"application/vnd.crypto-shade-file":{"source":"iana"},"application/vnd.cryptomator.encrypted":{"source":"iana"},"application/vnd.cryptomator.vault":{"source":"iana"},"application/vnd.ctc-posml":{"source":"iana","extensions":["pml"]},"application/vnd.ctct.ws+xml":{"source":"iana","compressible":true},"application/vnd.cups-pdf":{"source":"iana"},"application/vnd.cups-postscript":{"source":"iana"},"application/vnd.cups-ppd":{"source":"iana","extensions":["ppd"]},"application/vnd.cups-raster":{"source":"iana"},"application/vnd.cups-raw":{"source":"iana"},"application/vnd.curl":{"source":"iana"},"application/vnd.curl.car":{"source":"apache","extensions":["car"]},"application/vnd.curl.pcurl":{"source":"apache","extensions":["pcurl"]},"application/vnd.cyan.dean.root+xml":{"source":"iana","compressible":true},"application/vnd.cybank":{"source":"iana"},"application/vnd.cyclonedx+json":{"source":"iana","compressible":true},"application/vnd.cyclonedx+xml":{"source":"iana","compressible":true},"application/vnd.d2l.coursepackage1p0+zip":{"source":"iana","compressible":false},"application/vnd.d3m-dataset":{"source":"iana"},"application/vnd.d3m-problem":{"source":"iana"},"application/vnd.dart":{"source":"iana","compressible":true,"extensions":["dart"]},"application/vnd.data-vision.rdz":{"source":"iana","extensions":["rdz"]},"application/vnd.datalog":{"source":"iana"},"application/vnd.datapackage+json":{"source":"iana","compressible":true},"application/vnd.dataresource+json":{"source":"iana","compressible":true},"application/vnd.dbf":{"source":"iana","extensions":["dbf"]},"application/vnd.dcmp+xml":{"source":"iana","compressible":true,"extensions":["dcmp"]},"application/vnd.debian.binary-package":{"source":"iana"},"application/vnd.dece.data":{"source":"iana","extensions":["uvf","uvvf","uvd","uvvd"]},"application/vnd.dece.ttml+xml":{"source":"iana","compressible":true,"extensions":["uvt","uvvt"]},"application/vnd.dece.unspecified":{"source":"iana","extensions":["uvx","uvvx"]},"application/vnd.dece.zip":{"source":"iana","extensions":["uvz","uvvz"]},"application/vnd.denovo.fcselayout-link":{"source":"iana","extensions":["fe_launch"]},"application/vnd.desmume.movie":{"source":"iana"},"application/vnd.dir-bi.plate-dl-nosuffix":{"source":"iana"},"application/vnd.dm.delegation+xml":{"source":"iana","compressible":true},"application/vnd.dna":{"source":"iana","extensions":["dna"]},"application/vnd.document+json":{"source":"iana","compressible":true},"application/vnd.dolby.mlp":{"source":"apache","extensions":["mlp"]},"application/vnd.dolby.mobile.1":{"source":"iana"},"application/vnd.dolby.mobile.2":{"source":"iana"},"application/vnd.doremir.scorecloud-binary-document":{"source":"iana"},"application/vnd.dpgraph":{"source":"iana","extensions":["dpg"]},"application/vnd.dreamfactory":{"source":"iana","extensions":["dfac"]},"application/vnd.drive+json":{"source":"iana","compressible":true},"application/vnd.ds-keypoint":{"source":"apache","extensions":["kpxx"]},"application/vnd.dtg.local":{"source":"iana"},"application/vnd.dtg.local.flash":{"source":"iana"},"application/vnd.dtg.local.html":{"source":"iana"},"application/vnd.dvb.ait":{"source":"iana","extensions":["ait"]},"application/vnd.dvb.dvbisl+xml":{"source":"iana","compressible":true},"application/vnd.dvb.dvbj":{"source":"iana"},"application/vnd.dvb.esgcontainer":{"source":"iana"},"application/vnd.dvb.ipdcdftnotifaccess":{"source":"iana"},"application/vnd.dvb.ipdcesgaccess":{"source":"iana"},"application/vnd.dvb.ipdcesgaccess2":{"source":"iana"},"application/vnd.dvb.ipdcesgpdd":{"source":"iana"},"application/vnd.dvb.ipdcroaming":{"source":"iana"},"application/vnd.dvb.iptv.alfec-base":{"source":"iana"},"application/vnd.dvb.iptv.alfec-enhancement":{"source":"iana"},"application/vnd.dvb.notif-aggregate-root+xml":{"source":"iana","compressible":true},"application/vnd.dvb.notif-container+xml":{"source":"iana","compressible":true},"application/vnd.dvb.notif-generic+xml":{"source":"iana","compressible":true},"application/vnd.dvb.notif-ia-msglist+xml":{"source":"iana","compressible":true},"application/vnd.dvb.notif-ia-registration-request+xml":{"source":"iana","compressible":true},"application/vnd.dvb.notif-ia-registration-response+xml":{"source":"iana","compressible":true},"application/vnd.dvb.notif-init+xml":{"source":"iana","compressible":true},"application/vnd.dvb.pfr":{"source":"iana"},"application/vnd.dvb.service":{"source":"iana","extensions":["svc"]},"application/vnd.dxr":{"source":"iana"},"application/vnd.dynageo":{"source":"iana","extensions":["geo"]},"application/vnd.dzr":{"source":"iana"},"application/vnd.easykaraoke.cdgdownload":{"source":"iana"},"application/vnd.ecdis-update":{"source":"iana"},"application/vnd.ecip.rlp":{"source":"iana"},"application/vnd.eclipse.ditto+json":{"source":"iana","compressible":true},"application/vnd.ecowin.chart":{"source":"iana","extensions":["mag"]},"application/vnd.ecowin.filerequest":{"source":"iana"},"application/vnd.ecowin.fileupdate":{"source":"iana"},"application/vnd.ecowin.series":{"source":"iana"},"application/vnd.ecowin.seriesrequest":{"source":"iana"},"application/vnd.ecowin.seriesupdate":{"source":"iana"},"application/vnd.efi.img":{"source":"iana"},"application/vnd.efi.iso":{"source":"iana"},"application/vnd.eln+zip":{"source":"iana","compressible":false},"application/vnd.emclient.accessrequest+xml":{"source":"iana","compressible":true},"application/vnd.enliven":{"source":"iana","extensions":["nml"]},"application/vnd.enphase.envoy":{"source":"iana"},"application/vnd.eprints.data+xml":{"source":"iana","compressible":true},"application/vnd.epson.esf":{"source":"iana","extensions":["esf"]},"application/vnd.epson.msf":{"source":"iana","extensions":["msf"]},"application/vnd.epson.quickanime":{"source":"iana","extensions":["qam"]},"application/vnd.epson.salt":{"source":"iana","extensions":["slt"]},"application/vnd.epson.ssf":{"source":"iana","extensions":["ssf"]},"application/vnd.ericsson.quickcall":{"source":"iana"},"application/vnd.erofs":{"source":"iana"},"application/vnd.espass-espass+zip":{"source":"iana","compressible":false},"application/vnd.eszigno3+xml":{"source":"iana","compressible":true,"extensions":["es3","et3"]},"application/vnd.etsi.aoc+xml":{"source":"iana","compressible":true},"application/vnd.etsi.asic-e+zip":{"source":"iana","compressible":false},"application/vnd.etsi.asic-s+zip":{"source":"iana","compressible":false},"application/vnd.etsi.cug+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvcommand+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvdiscovery+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvprofile+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvsad-bc+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvsad-cod+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvsad-npvr+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvservice+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvsync+xml":{"source":"iana","compressible":true},"application/vnd.etsi.iptvueprofile+xml":{"source":"iana","compressible":true},"application/vnd.etsi.mcid+xml":{"source":"iana","compressible":true},"application/vnd.etsi.mheg5":{"source":"iana"},"application/vnd.etsi.overload-control-policy-dataset+xml":{"source":"iana","compressible":true},"application/vnd.etsi.pstn+xml":{"source":"iana","compressible":true},"application/vnd.etsi.sci+xml":{"source":"iana","compressible":true},"application/vnd.etsi.simservs+xml":{"source":"iana","compressible":true},"application/vnd.etsi.timestamp-token":{"source":"iana"},"application/vnd.etsi.tsl+xml":{"source":"iana","compressible":true},"application/vnd.etsi.tsl.der":{"source":"iana"},"application/vnd.eu.kasparian.car+json":{"source":"iana","compressible":true},"application/vnd.eudora.data":{"source":"iana"},"application/vnd.evolv.ecig.profile":{"source":"iana"},"application/vnd.evolv.ecig.settings":{"source":"iana"},"application/vnd.evolv.ecig.theme":{"source":"iana"},"application/vnd.exstream-empower+zip":{"source":"iana","compressible":false},"application/vnd.exstream-package":{"source":"iana"},"application/vnd.ezpix-album":{"source":"iana","extensions":["ez2"]},"application/vnd.ezpix-package":{"source":"iana","extensions":["ez3"]},"application/vnd.f-secure.mobile":{"source":"iana"},"application/vnd.familysearch.gedcom+zip":{"source":"iana","compressible":false},"application/vnd.fastcopy-disk-image":{"source":"iana"},"application/vnd.fdf":{"source":"apache","extensions":["fdf"]},"application/vnd.fdsn.mseed":{"source":"iana","extensions":["mseed"]},"application/vnd.fdsn.seed":{"source":"iana","extensions":["seed","dataless"]},"application/vnd.fdsn.stationxml+xml":{"source":"iana","charset":"XML-BASED","compressible":true},"application/vnd.ffsns":{"source":"iana"},"application/vnd.ficlab.flb+zip":{"source":"iana","compressible":false},"application/vnd.filmit.zfc":{"source":"iana"},"application/vnd.fints":{"source":"iana"},"application/vnd.firemonkeys.cloudcell":{"source":"iana"},"application/vnd.flographit":{"source":"iana","extensions":["gph"]},"application/vnd.fluxtime.clip":{"source":"iana","extensions":["ftc"]},"application/vnd.font-fontforge-sfd":{"source":"iana"},"application/vnd.framemaker":{"source":"iana","extensions":["fm","frame","maker","book"]},"application/vnd.freelog.comic":{"source":"iana"},"application/vnd.frogans.fnc":{"source":"apache","extensions":["fnc"]},"application/vnd.frogans.ltf":{"source":"apache","extensions":["ltf"]},"application/vnd.fsc.weblaunch":{"source":"iana","extensions":["fsc"]},"application/vnd.fujifilm.fb.docuworks":{"source":"iana"},"application/vnd.fujifilm.fb.docuworks.binder":{"source":"iana"},"application/vnd.fujifilm.fb.docuworks.container":{"source":"iana"},"application/vnd.fujifilm.fb.jfi+xml":{"source":"iana","compressible":true},"application/vnd.fujitsu.oasys":{"source":"iana","extensions":["oas"]},"application/vnd.fujitsu.oasys2":{"source":"iana","extensions":["oa2"]},"application/vnd.fujitsu.oasys3":{"source":"iana","extensions":["oa3"]},"application/vnd.fujitsu.oasysgp":{"source":"iana","extensions":["fg5"]},"application/vnd.fujitsu.oasysprs":{"source":"iana","extensions":["bh2"]},"application/vnd.fujixerox.art-ex":{"source":"iana"},"application/vnd.fujixerox.art4":{"source":"iana"},"application/vnd.fujixerox.ddd":{"source":"iana","extensions":["ddd"]},"application/vnd.fujixerox.docuworks":{"source":"iana","extensions":["xdw"]},"application/vnd.fujixerox.docuworks.binder":{"source":"iana","extensions":["xbd"]},"application/vnd.fujixerox.docuworks.container":{"source":"iana"},"application/vnd.fujixerox.hbpl":{"source":"iana"},"application/vnd.fut-misnet":{"source":"iana"},"application/vnd.futoin+cbor":{"source":"iana"},"application/vnd.futoin+json":{"source":"iana","compressible":true},"application/vnd.fuzzysheet":{"source":"iana","extensions":["fzs"]},"application/vnd.ga4gh.passport+jwt":{"source":"iana"},"application/vnd.genomatix.tuxedo":{"source":"iana","extensions":["txd"]},"application/vnd.genozip":{"source":"iana"},"application/vnd.gentics.grd+json":{"source":"iana","compressible":true},"application/vnd.gentoo.catmetadata+xml":{"source":"iana","compressible":true},"application/vnd.gentoo.ebuild":{"source":"iana"},"application/vnd.gentoo.eclass":{"source":"iana"},"application/vnd.gentoo.gpkg":{"source":"iana"},"application/vnd.gentoo.manifest":{"source":"iana"},"application/vnd.gentoo.pkgmetadata+xml":{"source":"iana","compressible":true},"application/vnd.gentoo.xpak":{"source":"iana"},"application/vnd.geo+json":{"source":"apache","compressible":true},"application/vnd.geocube+xml":{"source":"apache","compressible":true},"application/vnd.geogebra.file":{"source":"iana","extensions":["ggb"]},"application/vnd.geogebra.pinboard":{"source":"iana"},"application/vnd.geogebra.slides":{"source":"iana","extensions":["ggs"]},"application/vnd.geogebra.tool":{"source":"iana","extensions":["ggt"]},"application/vnd.geometry-explorer":{"source":"iana","extensions":["gex","gre"]},"application/vnd.geonext":{"source":"iana","extensions":["gxt"]},"application/vnd.geoplan":{"source":"iana","extensions":["g2w"]},"application/vnd.geospace":{"source":"iana","extensions":["g3w"]},"application/vnd.gerber":{"source":"iana"},"application/vnd.globalplatform.card-content-mgt":{"source":"iana"},"application/vnd.globalplatform.card-content-mgt-response":{"source":"iana"},"application/vnd.gmx":{"source":"iana","extensions":["gmx"]},"application/vnd.gnu.taler.exchange+json":{"source":"iana","compressible":true},"application/vnd.gnu.taler.merchant+json":{"source":"iana","compressible":true},"application/vnd.google-apps.audio":{},"application/vnd.google-apps.document":{"compressible":false,"extensions":["gdoc"]},"application/vnd.google-apps.drawing":{"compressible":false,"extensions":["gdraw"]},"application/vnd.google-apps.drive-sdk":{"compressible":false},"application/vnd.google-apps.file":{},"application/vnd.google-apps.folder":{"compressible":false},"application/vnd.google-apps.form":{"compressible":false,"extensions":["gform"]},"application/vnd.google-apps.fusiontable":{},"application/vnd.google-apps.jam":{"compressible":false,"extensions":["gjam"]},"application/vnd.google-apps.mail-layout":{},"application/vnd.google-apps.map":{"compressible":false,"extensions":["gmap"]},"application/vnd.google-apps.photo":{},"application/vnd.google-apps.presentation":{"compressible":false,"extensions":["gslides"]},"application/vnd.google-apps.script":{"compressible":false,"extensions":["gscript"]},"application/vnd.google-apps.shortcut":{},"application/vnd.google-apps.site":{"compressible":false,"extensions":["gsite"]},"application/vnd.google-apps.spreadsheet":{"compressible":false,"extensions":["gsheet"]},"application/vnd.google-apps.unknown":{},"application/vnd.google-apps.video":{},"application/vnd.google-earth.kml+xml":{"source":"iana","compressible":true,"extensions":["kml"]},"application/vnd.google-earth.kmz":{"source":"iana","compressible":false,"extensions":["kmz"]},"application/vnd.gov.sk.e-form+xml":{"source":"apache","compressible":true},"application/vnd.gov.sk.e-form+zip":{"source":"iana","compressible":false},"application/vnd.gov.sk.xmldatacontainer+xml":{"source":"iana","compressible":true,"extensions":["xdcf"]},"application/vnd.gpxsee.map+xml":{"source":"iana","compressible":true},"application/vnd.grafeq":{"source":"iana","extensions":["gqf","gqs"]},"application/vnd.gridmp":{"source":"iana"},"application/vnd.groove-account":{"source":"iana","extensions":["gac"]},"application/vnd.groove-help":{"source":"iana","extensions":["ghf"]},"application/vnd.groove-identity-message":{"source":"iana","extensions":["gim"]},"application/vnd.groove-injector":{"source":"iana","extensions":["grv"]},"application/vnd.groove-tool-message":{"source":"iana","extensions":["gtm"]},"application/vnd.groove-tool-template":{"source":"iana","extensions":["tpl"]},"application/vnd.groove-vcard":{"source":"iana","extensions":["vcg"]},"application/vnd.hal+json":{"source":"iana","compressible":true},"application/vnd.hal+xml":{"source":"iana","compressible":true,"extensions":["hal"]},"application/vnd.handheld-entertainment+xml":{"source":"iana","compressible":true,"extensions":["zmm"]},"application/vnd.hbci":{"source":"iana","extensions":["hbci"]},"application/vnd.hc+json":{"source":"iana","compressible":true},"application/vnd.hcl-bireports":{"source":"iana"},"application/vnd.hdt":{"source":"iana"},"application/vnd.heroku+json":{"source":"iana","compressible":true},"application/vnd.hhe.lesson-player":{"source":"iana","extensions":["les"]},"application/vnd.hp-hpgl":{"source":"iana","extensions":["hpgl"]},"application/vnd.hp-hpid":{"source":"iana","extensions":["hpid"]},"application/vnd.hp-hps":{"source":"iana","extensions":["hps"]},"application/vnd.hp-jlyt":{"source":"iana","extensions":["jlt"]},"application/vnd.hp-pcl":{"source":"iana","extensions":["pcl"]},"application/vnd.hp-pclxl":{"source":"iana","extensions":["pclxl"]},"application/vnd.hsl":{"source":"iana"},"application/vnd.httphone":{"source":"iana"},"application/vnd.hydrostatix.sof-data":{"source":"iana","extensions":["sfd-hdstx"]},"application/vnd.hyper+json":{"source":"iana","compressible":true},"application/vnd.hyper-item+json":{"source":"iana","compressible":true},"application/vnd.hyperdrive+json":{"source":"iana","compressible":true},"application/vnd.hzn-3d-crossword":{"source":"iana"},"application/vnd.ibm.afplinedata":{"source":"apache"},"application/vnd.ibm.electronic-media":{"source":"iana"},"application/vnd.ibm.minipay":{"source":"iana","extensions":["mpy"]},"application/vnd.ibm.modcap":{"source":"apache","extensions":["afp","listafp","list3820"]},"application/vnd.ibm.rights-management":{"source":"iana","extensions":["irm"]},"application/vnd.ibm.secure-container":{"source":"iana","extensions":["sc"]},"application/vnd.iccprofile":{"source":"iana","extensions":["icc","icm"]},"application/vnd.ieee.1905":{"source":"iana"},"application/vnd.igloader":{"source":"iana","extensions":["igl"]},"application/vnd.imagemeter.folder+zip":{"source":"iana","compressible":false},"application/vnd.imagemeter.image+zip":{"source":"iana","compressible":false},"application/vnd.immervision-ivp":{"source":"iana","extensions":["ivp"]},"application/vnd.immervision-ivu":{"source":"iana","extensions":["ivu"]},"application/vnd.ims.imsccv1p1":{"source":"iana"},"application/vnd.ims.imsccv1p2":{"source":"iana"},"application/vnd.ims.imsccv1p3":{"source":"iana"},"application/vnd.ims.lis.v2.result+json":{"source":"iana","compressible":true},"application/vnd.ims.lti.v2.toolconsumerprofile+json":{"source":"iana","compressible":true},"application/vnd.ims.lti.v2.toolproxy+json":{"source":"iana","compressible":true},"application/vnd.ims.lti.v2.toolproxy.id+json":{"source":"iana","compressible":true},"application/vnd.ims.lti.v2.toolsettings+json":{"source":"iana","compressible":true},"application/vnd.ims.lti.v2.toolsettings.simple+json":{"source":"iana","compressible":true},"application/vnd.informedcontrol.rms+xml":{"source":"iana","compressible":true},"application/vnd.informix-visionary":{"source":"apache"},"application/vnd.infotech.project":{"source":"iana"},"application/vnd.infotech.project+xml":{"source":"iana","compressible":true},"application/vnd.innopath.wamp.notification":{"source":"iana"},"application/vnd.insors.igm":{"source":"iana","extensions":["igm"]},"application/vnd.intercon.formnet":{"source":"iana","extensions":["xpw","xpx"]},"application/vnd.intergeo":{"source":"iana","extensions":["i2g"]},"application/vnd.intertrust.digibox":{"source":"iana"},"application/vnd.intertrust.nncp":{"source":"iana"},"application/vnd.intu.qbo":{"source":"iana","extensions":["qbo"]},"application/vnd.intu.qfx":{"source":"iana","extensions":["qfx"]},"application/vnd.ipfs.ipns-record":{"source":"iana"},"application/vnd.ipld.car":{"source":"iana"},"application/vnd.ipld.dag-cbor":{"source":"iana"},"application/vnd.ipld.dag-json":{"source":"iana"},"application/vnd.ipld.raw":{"source":"iana"},"application/vnd.iptc.g2.catalogitem+xml":{"source":"iana","compressible":true},"application/vnd.iptc.g2.conceptitem+xml":{"source":"iana","compressible":true},"application/vnd.iptc.g2.knowledgeitem+xml":{"source":"iana","compressible":true},"application/vnd.iptc.g2.newsitem+xml":{"source":"iana","compressible":true},"application/vnd.iptc.g2.newsmessage+xml":{"source":"iana","compressible":true},"application/vnd.iptc.g2.packageitem+xml":{"source":"iana","compressible":true},"application/vnd.iptc.g2.planningitem+xml":{"source":"iana","compressible":true},"application/vnd.ipunplugged.rcprofile":{"source":"iana","extensions":["rcprofile"]},"application/vnd.irepository.package+xml":{"source":"iana","compressible":true,"extensions":["irp"]},"application/vnd.is-xpr":{"source":"iana","extensions":["xpr"]},"application/vnd.isac.fcs":{"source":"iana","extensions":["fcs"]},"application/vnd.iso11783-10+zip":{"source":"iana","compressible":false},"application/vnd.jam":{"source":"iana","extensions":["jam"]},"application/vnd.japannet-directory-service":{"source":"iana"},"application/vnd.japannet-jpnstore-wakeup":{"source":"iana"},"application/vnd.japannet-payment-wakeup":{"source":"iana"},"application/vnd.japannet-registration":{"source":"iana"},"application/vnd.japannet-registration-wakeup":{"source":"iana"},"application/vnd.japannet-setstore-wakeup":{"source":"iana"},"application/vnd.japannet-verification":{"source":"iana"},"application/vnd.japannet-verification-wakeup":{"source":"iana"},"application/vnd.jcp.javame.midlet-rms":{"source":"iana","extensions":["rms"]},"application/vnd.jisp":{"source":"iana","extensions":["jisp"]},"application/vnd.joost.joda-archive":{"source":"iana","extensions":["joda"]},"application/vnd.jsk.isdn-ngn":{"source":"iana"},"application/vnd.kahootz":{"source":"iana","extensions":["ktz","ktr"]},"application/vnd.kde.karbon":{"source":"iana","extensions":["karbon"]},"application/vnd.kde.kchart":{"source":"iana","extensions":["chrt"]},"application/vnd.kde.kformula":{"source":"iana","extensions":["kfo"]},"application/vnd.kde.kivio":{"source":"iana","extensions":["flw"]},"application/vnd.kde.kontour":{"source":"iana","extensions":["kon"]},"application/vnd.kde.kpresenter":{"source":"iana","extensions":["kpr","kpt"]},"application/vnd.kde.kspread":{"source":"iana","extensions":["ksp"]},"application/vnd.kde.kword":{"source":"iana","extensions":["kwd","kwt"]},"application/vnd.kdl":{"source":"iana"},"application/vnd.kenameaapp":{"source":"iana","extensions":["htke"]},"application/vnd.keyman.kmp+zip":{"source":"iana","compressible":false},"application/vnd.keyman.kmx":{"source":"iana"},"application/vnd.kidspiration":{"source":"iana","extensions":["kia"]},"application/vnd.kinar":{"source":"iana","extensions":["kne","knp"]},"application/vnd.koan":{"source":"iana","extensions":["skp","skd","skt","skm"]},"application/vnd.kodak-descriptor":{"source":"iana","extensions":["sse"]},"application/vnd.las":{"source":"iana"},"application/vnd.las.las+json":{"source":"iana","compressible":true},"application/vnd.las.las+xml":{"source":"iana","compressible":true,"extensions":["lasxml"]},"application/vnd.laszip":{"source":"iana"},"application/vnd.ldev.productlicensing":{"source":"iana"},"application/vnd.leap+json":{"source":"iana","compressible":true},"application/vnd.liberty-request+xml":{"source":"iana","compressible":true},"application/vnd.llamagraphics.life-balance.desktop":{"source":"iana","extensions":["lbd"]},"application/vnd.llamagraphics.life-balance.exchange+xml":{"source":"iana","compressible":true,"extensions":["lbe"]},"application/vnd.logipipe.circuit+zip":{"source":"iana","compressible":false},"application/vnd.loom":{"source":"iana"},"application/vnd.lotus-1-2-3":{"source":"iana","extensions":["123"]},"application/vnd.lotus-approach":{"source":"iana","extensions":["apr"]},"application/vnd.lotus-freelance":{"source":"iana","extensions":["pre"]},"application/vnd.lotus-notes":{"source":"iana","extensions":["nsf"]},"application/vnd.lotus-organizer":{"source":"iana","extensions":["org"]},"application/vnd.lotus-screencam":{"source":"iana","extensions":["scm"]},"application/vnd.lotus-wordpro":{"source":"iana","extensions":["lwp"]},"application/vnd.macports.portpkg":{"source":"iana","extensions":["portpkg"]},"application/vnd.mapbox-vector-tile":{"source":"iana","extensions":["mvt"]},"application/vnd.marlin.drm.actiontoken+xml":{"source":"iana","compressible":true},"application/vnd.marlin.drm.conftoken+xml":{"source":"iana","compressible":true},"application/vnd.marlin.drm.license+xml":{"source":"iana","compressible":true},"application/vnd.marlin.drm.mdcf":{"source":"iana"},"application/vnd.mason+json":{"source":"iana","compressible":true},"application/vnd.maxar.archive.3tz+zip":{"source":"iana","compressible":false},"application/vnd.maxmind.maxmind-db":{"source":"iana"},"application/vnd.mcd":{"source":"iana","extensions":["mcd"]},"application/vnd.mdl":{"source":"iana"},"application/vnd.mdl-mbsdf":{"source":"iana"},"application/vnd.medcalcdata":{"source":"iana","extensions":["mc1"]},"application/vnd.mediastation.cdkey":{"source":"iana","extensions":["cdkey"]},"application/vnd.medicalholodeck.recordxr":{"source":"iana"},"application/vnd.meridian-slingshot":{"source":"iana"},"application/vnd.mermaid":{"source":"iana"},"application/vnd.mfer":{"source":"iana","extensions":["mwf"]},"application/vnd.mfmp":{"source":"iana","extensions":["mfm"]},"application/vnd.micro+json":{"source":"iana","compressible":true},"application/vnd.micrografx.flo":{"source":"iana","extensions":["flo"]},"application/vnd.micrografx.igx":{"source":"iana","extensions":["igx"]},"application/vnd.microsoft.portable-executable":{"source":"iana"},"application/vnd.microsoft.windows.thumbnail-cache":{"source":"iana"},"application/vnd.miele+json":{"source":"iana","compressible":true},"application/vnd.mif":{"source":"iana","extensions":["mif"]},"application/vnd.minisoft-hp3000-save":{"source":"iana"},"application/vnd.mitsubishi.misty-guard.trustweb":{"source":"iana"},"application/vnd.mobius.daf":{"source":"iana","extensions":["daf"]},"application/vnd.mobius.dis":{"source":"iana","extensions":["dis"]},"application/vnd.mobius.mbk":{"source":"iana","extensions":["mbk"]},"application/vnd.mobius.mqy":{"source":"iana","extensions":["mqy"]},"application/vnd.mobius.msl":{"source":"iana","extensions":["msl"]},"application/vnd.mobius.plc":{"source":"iana","extensions":["plc"]},"application/vnd.mobius.txf":{"source":"iana","extensions":["txf"]},"application/vnd.modl":{"source":"iana"},"application/vnd.mophun.application":{"source":"iana","extensions":["mpn"]},"application/vnd.mophun.certificate":{"source":"iana","extensions":["mpc"]},"application/vnd.motorola.flexsuite":{"source":"iana"},"application/vnd.motorola.flexsuite.adsi":{"source":"iana"},"application/vnd.motorola.flexsuite.fis":{"source":"iana"},"application/vnd.motorola.flexsuite.gotap":{"source":"iana"},"application/vnd.motorola.flexsuite.kmr":{"source":"iana"},"application/vnd.motorola.flexsuite.ttc":{"source":"iana"},"application/vnd.motorola.flexsuite.wem":{"source":"iana"},"application/vnd.motorola.iprm":{"source":"iana"},"application/vnd.mozilla.xul+xml":{"source":"iana","compressible":true,"extensions":["xul"]},"application/vnd.ms-3mfdocument":{"source":"iana"},"application/vnd.ms-artgalry":{"source":"iana","extensions":["cil"]},"application/vnd.ms-asf":{"source":"iana"},"application/vnd.ms-cab-compressed":{"source":"iana","extensions":["cab"]},"application/vnd.ms-color.iccprofile":{"source":"apache"},"application/vnd.ms-excel":{"source":"iana","compressible":false,"extensions":["xls","xlm","xla","xlc","xlt","xlw"]},"application/vnd.ms-excel.addin.macroenabled.12":{"source":"iana","extensions":["xlam"]},"application/vnd.ms-excel.sheet.binary.macroenabled.12":{"source":"iana","extensions":["xlsb"]},"application/vnd.ms-excel.sheet.macroenabled.12":{"source":"iana","extensions":["xlsm"]},"application/vnd.ms-excel.template.macroenabled.12":{"source":"iana","extensions":["xltm"]},"application/vnd.ms-fontobject":{"source":"iana","compressible":true,"extensions":["eot"]},"application/vnd.ms-htmlhelp":{"source":"iana","extensions":["chm"]},"application/vnd.ms-ims":{"source":"iana","extensions":["ims"]},"application/vnd.ms-lrm":{"source":"iana","extensions":["lrm"]},"application/vnd.ms-office.activex+xml":{"source":"iana","compressible":true},"application/vnd.ms-officetheme":{"source":"iana","extensions":["thmx"]},"application/vnd.ms-opentype":{"source":"apache","compressible":true},"application/vnd.ms-outlook":{"compressible":false,"extensions":["msg"]},"application/vnd.ms-package.obfuscated-opentype":{"source":"apache"},"application/vnd.ms-pki.seccat":{"source":"apache","extensions":["cat"]},"application/vnd.ms-pki.stl":{"source":"apache","extensions":["stl"]},"application/vnd.ms-playready.initiator+xml":{"source":"iana","compressible":true},"application/vnd.ms-powerpoint":{"source":"iana","compressible":false,"extensions":["ppt","pps","pot"]},"application/vnd.ms-powerpoint.addin.macroenabled.12":{"source":"iana","extensions":["ppam"]},"application/vnd.ms-powerpoint.presentation.macroenabled.12":{"source":"iana","extensions":["pptm"]},"application/vnd.ms-powerpoint.slide.macroenabled.12":{"source":"iana","extensions":["sldm"]},"application/vnd.ms-powerpoint.slideshow.macroenabled.12":{"source":"iana","extensions":["ppsm"]},"application/vnd.ms-powerpoint.template.macroenabled.12":{"source":"iana","extensions":["potm"]},"application/vnd.ms-printdevicecapabilities+xml":{"source":"iana","compressible":true},"application/vnd.ms-printing.printticket+xml":{"source":"apache","compressible":true},"application/vnd.ms-printschematicket+xml":{"source":"iana","compressible":true},"application/vnd.ms-project":{"source":"iana","extensions":["mpp","mpt"]},"application/vnd.ms-tnef":{"source":"iana"},"application/vnd.ms-visio.viewer":{"extensions":["vdx"]},"application/vnd.ms-windows.devicepairing":{"source":"iana"},"application/vnd.ms-windows.nwprinting.oob":{"source":"iana"},"application/vnd.ms-windows.printerpairing":{"source":"iana"},"application/vnd.ms-windows.wsd.oob":{"source":"iana"},"application/vnd.ms-wmdrm.lic-chlg-req":{"source":"iana"},"application/vnd.ms-wmdrm.lic-resp":{"source":"iana"},"application/vnd.ms-wmdrm.meter-chlg-req":{"source":"iana"},"application/vnd.ms-wmdrm.meter-resp":{"source":"iana"},"application/vnd.ms-word.document.macroenabled.12":{"source":"iana","extensions":["docm"]},"application/vnd.ms-word.template.macroenabled.12":{"source":"iana","extensions":["dotm"]},"application/vnd.ms-works":{"source":"iana","extensions":["wps","wks","wcm","wdb"]},"application/vnd.ms-wpl":{"source":"iana","extensions":["wpl"]},"application/vnd.ms-xpsdocument":{"source":"iana","compressible":false,"extensions":["xps"]},"application/vnd.msa-disk-image":{"source":"iana"},"application/vnd.mseq":{"source":"iana","extensions":["mseq"]},"application/vnd.msgpack":{"source":"iana"},"application/vnd.msign":{"source":"iana"},"application/vnd.multiad.creator":{"source":"iana"},"application/vnd.multiad.creator.cif":{"source":"iana"},"application/vnd.music-niff":{"source":"iana"},"application/vnd.musician":{"source":"iana","extensions":["mus"]},"application/vnd.muvee.style":{"source":"iana","extensions":["msty"]},"application/vnd.mynfc":{"source":"iana","extensions":["taglet"]},"application/vnd.nacamar.ybrid+json":{"source":"iana","compressible":true},"application/vnd.nato.bindingdataobject+cbor":{"source":"iana"},"application/vnd.nato.bindingdataobject+json":{"source":"iana","compressible":true},"application/vnd.nato.bindingdataobject+xml":{"source":"iana","compressible":true,"extensions":["bdo"]},"application/vnd.nato.openxmlformats-package.iepd+zip":{"source":"iana","compressible":false},"application/vnd.ncd.control":{"source":"iana"},"application/vnd.ncd.reference":{"source":"iana"},"application/vnd.nearst.inv+json":{"source":"iana","compressible":true},"application/vnd.nebumind.line":{"source":"iana"},"application/vnd.nervana":{"source":"iana"},"application/vnd.netfpx":{"source":"iana"},"application/vnd.neurolanguage.nlu":{"source":"iana","extensions":["nlu"]},"application/vnd.nimn":{"source":"iana"},"application/vnd.nintendo.nitro.rom":{"source":"iana"},"application/vnd.nintendo.snes.rom":{"source":"iana"},"application/vnd.nitf":{"source":"iana","extensions":["ntf","nitf"]},"application/vnd.noblenet-directory":{"source":"iana","extensions":["nnd"]},"application/vnd.noblenet-sealer":{"source":"iana","extensions":["nns"]},"application/vnd.noblenet-web":{"source":"iana","extensions":["nnw"]},"application/vnd.nokia.catalogs":{"source":"iana"},"application/vnd.nokia.conml+wbxml":{"source":"iana"},"application/vnd.nokia.conml+xml":{"source":"iana","compressible":true},"application/vnd.nokia.iptv.config+xml":{"source":"iana","compressible":true},"application/vnd.nokia.isds-radio-presets":{"source":"iana"},"application/vnd.nokia.landmark+wbxml":{"source":"iana"},"application/vnd.nokia.landmark+xml":{"source":"iana","compressible":true},"application/vnd.nokia.landmarkcollection+xml":{"source":"iana","compressible":true},"application/vnd.nokia.n-gage.ac+xml":{"source":"iana","compressible":true,"extensions":["ac"]},"application/vnd.nokia.n-gage.data":{"source":"iana","extensions":["ngdat"]},"application/vnd.nokia.n-gage.symbian.install":{"source":"apache","extensions":["n-gage"]},"application/vnd.nokia.ncd":{"source":"iana"},"application/vnd.nokia.pcd+wbxml":{"source":"iana"},"application/vnd.nokia.pcd+xml":{"source":"iana","compressible":true},"application/vnd.nokia.radio-preset":{"source":"iana","extensions":["rpst"]},"application/vnd.nokia.radio-presets":{"source":"iana","extensions":["rpss"]},"application/vnd.novadigm.edm":{"source":"iana","extensions":["edm"]},"application/vnd.novadigm.edx":{"source":"iana","extensions":["edx"]},"application/vnd.novadigm.ext":{"source":"iana","extensions":["ext"]},"application/vnd.ntt-local.content-share":{"source":"iana"},"application/vnd.ntt-local.file-transfer":{"source":"iana"},"application/vnd.ntt-local.ogw_remote-access":{"source":"iana"},"application/vnd.ntt-local.sip-ta_remote":{"source":"iana"},"application/vnd.ntt-local.sip-ta_tcp_stream":{"source":"iana"},"application/vnd.oai.workflows":{"source":"iana"},"application/vnd.oai.workflows+json":{"source":"iana","compressible":true},"application/vnd.oai.workflows+yaml":{"source":"iana"},"application/vnd.oasis.opendocument.base":{"source":"iana"},"application/vnd.oasis.opendocument.chart":{"source":"iana","extensions":["odc"]},"application/vnd.oasis.opendocument.chart-template":{"source":"iana","extensions":["otc"]},"application/vnd.oasis.opendocument.database":{"source":"apache","extensions":["odb"]},"application/vnd.oasis.opendocument.formula":{"source":"iana","extensions":["odf"]},"application/vnd.oasis.opendocument.formula-template":{"source":"iana","extensions":["odft"]},"application/vnd.oasis.opendocument.graphics":{"source":"iana","compressible":false,"extensions":["odg"]},"application/vnd.oasis.opendocument.graphics-template":{"source":"iana","extensions":["otg"]},"application/vnd.oasis.opendocument.image":{"source":"iana","extensions":["odi"]},"application/vnd.oasis.opendocument.image-template":{"source":"iana","extensions":["oti"]},"application/vnd.oasis.opendocument.presentation":{"source":"iana","compressible":false,"extensions":["odp"]},"application/vnd.oasis.opendocument.presentation-template":{"source":"iana","extensions":["otp"]},"application/vnd.oasis.opendocument.spreadsheet":{"source":"iana","compressible":false,"extensions":["ods"]},"application/vnd.oasis.opendocument.spreadsheet-template":{"source":"iana","extensions":["ots"]},"application/vnd.oasis.opendocument.text":{"source":"iana","compressible":false,"extensions":["odt"]},"application/vnd.oasis.opendocument.text-master":{"source":"iana","extensions":["odm"]},"application/vnd.oasis.opendocument.text-master-template":{"source":"iana"},"application/vnd.oasis.opendocument.text-template":{"source":"iana","extensions":["ott"]},"application/vnd.oasis.opendocument.text-web":{"source":"iana","extensions":["oth"]},"application/vnd.obn":{"source":"iana"},"application/vnd.ocf+cbor":{"source":"iana"},"application/vnd.oci.image.manifest.v1+json":{"source":"iana","compressible":true},"application/vnd.oftn.l10n+json":{"source":"iana","compressible":true},"application/vnd.oipf.contentaccessdownload+xml":{"source":"iana","compressible":true},"application/vnd.oipf.contentaccessstreaming+xml":{"source":"iana","compressible":true},"application/vnd.oipf.cspg-hexbinary":{"source":"iana"},"application/vnd.oipf.dae.svg+xml":{"source":"iana","compressible":true},"application/vnd.oipf.dae.xhtml+xml":{"source":"iana","compressible":true},"application/vnd.oipf.mippvcontrolmessage+xml":{"source":"iana","compressible":true},"application/vnd.oipf.pae.gem":{"source":"iana"},"application/vnd.oipf.spdiscovery+xml":{"source":"iana","compressible":true},"application/vnd.oipf.spdlist+xml":{"source":"iana","compressible":true},"application/vnd.oipf.ueprofile+xml":{"source":"iana","compressible":true},"application/vnd.oipf.userprofile+xml":{"source":"iana","compressible":true},"application/vnd.olpc-sugar":{"source":"iana","extensions":["xo"]},"application/vnd.oma-scws-config":{"source":"iana"},"application/vnd.oma-scws-http-request":{"source":"iana"},"application/vnd.oma-scws-http-response":{"source":"iana"},"application/vnd.oma.bcast.associated-procedure-parameter+xml":{"source":"iana","compressible":true},"application/vnd.oma.bcast.drm-trigger+xml":{"source":"apache","compressible":true},"application/vnd.oma.bcast.imd+xml":{"source":"iana","compressible":true},"application/vnd.oma.bcast.ltkm":{"source":"iana"},"application/vnd.oma.bcast.notification+xml":{"source":"iana","compressible":true},"application/vnd.oma.bcast.provisioningtrigger":{"source":"iana"},"application/vnd.oma.bcast.sgboot":{"source":"iana"},"application/vnd.oma.bcast.sgdd+xml":{"source":"iana","compressible":true},"application/vnd.oma.bcast.sgdu":{"source":"iana"},"application/vnd.oma.bcast.simple-symbol-container":{"source":"iana"},"application/vnd.oma.bcast.smartcard-trigger+xml":{"source":"apache","compressible":true},"application/vnd.oma.bcast.sprov+xml":{"source":"iana","compressible":true},"application/vnd.oma.bcast.stkm":{"source":"iana"},"application/vnd.oma.cab-address-book+xml":{"source":"iana","compressible":true},"application/vnd.oma.cab-feature-handler+xml":{"source":"iana","compressible":true},"application/vnd.oma.cab-pcc+xml":{"source":"iana","compressible":true},"application/vnd.oma.cab-subs-invite+xml":{"source":"iana","compressible":true},"application/vnd.oma.cab-user-prefs+xml":{"source":"iana","compressible":true},"application/vnd.oma.dcd":{"source":"iana"},"application/vnd.oma.dcdc":{"source":"iana"},"application/vnd.oma.dd2+xml":{"source":"iana","compressible":true,"extensions":["dd2"]},"application/vnd.oma.drm.risd+xml":{"source":"iana","compressible":true},"application/vnd.oma.group-usage-list+xml":{"source":"iana","compressible":true},"application/vnd.oma.lwm2m+cbor":{"source":"iana"},"application/vnd.oma.lwm2m+json":{"source":"iana","compressible":true},"application/vnd.oma.lwm2m+tlv":{"source":"iana"},"application/vnd.oma.pal+xml":{"source":"iana","compressible":true},"application/vnd.oma.poc.detailed-progress-report+xml":{"source":"iana","compressible":true},"application/vnd.oma.poc.final-report+xml":{"source":"iana","compressible":true},"application/vnd.oma.poc.groups+xml":{"source":"iana","compressible":true},"application/vnd.oma.poc.invocation-descriptor+xml":{"source":"iana","compressible":true},"application/vnd.oma.poc.optimized-progress-report+xml":{"source":"iana","compressible":true},"application/vnd.oma.push":{"source":"iana"},"application/vnd.oma.scidm.messages+xml":{"source":"iana","compressible":true},"application/vnd.oma.xcap-directory+xml":{"source":"iana","compressible":true},"application/vnd.omads-email+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/vnd.omads-file+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/vnd.omads-folder+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/vnd.omaloc-supl-init":{"source":"iana"},"application/vnd.onepager":{"source":"iana"},"application/vnd.onepagertamp":{"source":"iana"},"application/vnd.onepagertamx":{"source":"iana"},"application/vnd.onepagertat":{"source":"iana"},"application/vnd.onepagertatp":{"source":"iana"},"application/vnd.onepagertatx":{"source":"iana"},"application/vnd.onvif.metadata":{"source":"iana"},"application/vnd.openblox.game+xml":{"source":"iana","compressible":true,"extensions":["obgx"]},"application/vnd.openblox.game-binary":{"source":"iana"},"application/vnd.openeye.oeb":{"source":"iana"},"application/vnd.openofficeorg.extension":{"source":"apache","extensions":["oxt"]},"application/vnd.openstreetmap.data+xml":{"source":"iana","compressible":true,"extensions":["osm"]},"application/vnd.opentimestamps.ots":{"source":"iana"},"application/vnd.openvpi.dspx+json":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.custom-properties+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.customxmlproperties+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.drawing+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.drawingml.chart+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.drawingml.diagramcolors+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.drawingml.diagramdata+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.drawingml.diagramlayout+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.drawingml.diagramstyle+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.extended-properties+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.commentauthors+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.comments+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.handoutmaster+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.notesmaster+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.notesslide+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.presentation":{"source":"iana","compressible":false,"extensions":["pptx"]},"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.presprops+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.slide":{"source":"iana","extensions":["sldx"]},"application/vnd.openxmlformats-officedocument.presentationml.slide+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.slidelayout+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.slidemaster+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.slideshow":{"source":"iana","extensions":["ppsx"]},"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.slideupdateinfo+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.tablestyles+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.tags+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.template":{"source":"iana","extensions":["potx"]},"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.presentationml.viewprops+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.calcchain+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.externallink+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.pivotcachedefinition+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.pivotcacherecords+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.pivottable+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.querytable+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.revisionheaders+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.revisionlog+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedstrings+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":{"source":"iana","compressible":false,"extensions":["xlsx"]},"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.sheetmetadata+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.tablesinglecells+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.template":{"source":"iana","extensions":["xltx"]},"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.usernames+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.volatiledependencies+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.theme+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.themeoverride+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.vmldrawing":{"source":"iana"},"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.document":{"source":"iana","compressible":false,"extensions":["docx"]},"application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.fonttable+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.template":{"source":"iana","extensions":["dotx"]},"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-officedocument.wordprocessingml.websettings+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-package.core-properties+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml":{"source":"iana","compressible":true},"application/vnd.openxmlformats-package.relationships+xml":{"source":"iana","compressible":true},"application/vnd.oracle.resource+json":{"source":"iana","compressible":true},"application/vnd.orange.indata":{"source":"iana"},"application/vnd.osa.netdeploy":{"source":"iana"},"application/vnd.osgeo.mapguide.package":{"source":"iana","extensions":["mgp"]},"application/vnd.osgi.bundle":{"source":"iana"},"application/vnd.osgi.dp":{"source":"iana","extensions":["dp"]},"application/vnd.osgi.subsystem":{"source":"iana","extensions":["esa"]},"application/vnd.otps.ct-kip+xml":{"source":"iana","compressible":true},"application/vnd.oxli.countgraph":{"source":"iana"},"application/vnd.pagerduty+json":{"source":"iana","compressible":true},"application/vnd.palm":{"source":"iana","extensions":["pdb","pqa","oprc"]},"application/vnd.panoply":{"source":"iana"},"application/vnd.paos.xml":{"source":"iana"},"application/vnd.patentdive":{"source":"iana"},"application/vnd.patientecommsdoc":{"source":"iana"},"application/vnd.pawaafile":{"source":"iana","extensions":["paw"]},"application/vnd.pcos":{"source":"iana"},"application/vnd.pg.format":{"source":"iana","extensions":["str"]},"application/vnd.pg.osasli":{"source":"iana","extensions":["ei6"]},"application/vnd.piaccess.application-licence":{"source":"iana"},"application/vnd.picsel":{"source":"iana","extensions":["efif"]},"application/vnd.pmi.widget":{"source":"iana","extensions":["wg"]},"application/vnd.poc.group-advertisement+xml":{"source":"iana","compressible":true},"application/vnd.pocketlearn":{"source":"iana","extensions":["plf"]},"application/vnd.powerbuilder6":{"source":"iana","extensions":["pbd"]},"application/vnd.powerbuilder6-s":{"source":"iana"},"application/vnd.powerbuilder7":{"source":"iana"},"application/vnd.powerbuilder7-s":{"source":"iana"},"application/vnd.powerbuilder75":{"source":"iana"},"application/vnd.powerbuilder75-s":{"source":"iana"},"application/vnd.preminet":{"source":"iana"},"application/vnd.previewsystems.box":{"source":"iana","extensions":["box"]},"application/vnd.procrate.brushset":{"extensions":["brushset"]},"application/vnd.procreate.brush":{"extensions":["brush"]},"application/vnd.procreate.dream":{"extensions":["drm"]},"application/vnd.proteus.magazine":{"source":"iana","extensions":["mgz"]},"application/vnd.psfs":{"source":"iana"},"application/vnd.pt.mundusmundi":{"source":"iana"},"application/vnd.publishare-delta-tree":{"source":"iana","extensions":["qps"]},"application/vnd.pvi.ptid1":{"source":"iana","extensions":["ptid"]},"application/vnd.pwg-multiplexed":{"source":"iana"},"application/vnd.pwg-xhtml-print+xml":{"source":"iana","compressible":true,"extensions":["xhtm"]},"application/vnd.qualcomm.brew-app-res":{"source":"iana"},"application/vnd.quarantainenet":{"source":"iana"},"application/vnd.quark.quarkxpress":{"source":"iana","extensions":["qxd","qxt","qwd","qwt","qxl","qxb"]},"application/vnd.quobject-quoxdocument":{"source":"iana"},"application/vnd.radisys.moml+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-audit+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-audit-conf+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-audit-conn+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-audit-dialog+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-audit-stream+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-conf+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-dialog+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-dialog-base+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-dialog-fax-detect+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-dialog-fax-sendrecv+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-dialog-group+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-dialog-speech+xml":{"source":"iana","compressible":true},"application/vnd.radisys.msml-dialog-transform+xml":{"source":"iana","compressible":true},"application/vnd.rainstor.data":{"source":"iana"},"application/vnd.rapid":{"source":"iana"},"application/vnd.rar":{"source":"iana","extensions":["rar"]},"application/vnd.realvnc.bed":{"source":"iana","extensions":["bed"]},"application/vnd.recordare.musicxml":{"source":"iana","extensions":["mxl"]},"application/vnd.recordare.musicxml+xml":{"source":"iana","compressible":true,"extensions":["musicxml"]},"application/vnd.relpipe":{"source":"iana"},"application/vnd.renlearn.rlprint":{"source":"iana"},"application/vnd.resilient.logic":{"source":"iana"},"application/vnd.restful+json":{"source":"iana","compressible":true},"application/vnd.rig.cryptonote":{"source":"iana","extensions":["cryptonote"]},"application/vnd.rim.cod":{"source":"apache","extensions":["cod"]},"application/vnd.rn-realmedia":{"source":"apache","extensions":["rm"]},"application/vnd.rn-realmedia-vbr":{"source":"apache","extensions":["rmvb"]},"application/vnd.route66.link66+xml":{"source":"iana","compressible":true,"extensions":["link66"]},"application/vnd.rs-274x":{"source":"iana"},"application/vnd.ruckus.download":{"source":"iana"},"application/vnd.s3sms":{"source":"iana"},"application/vnd.sailingtracker.track":{"source":"iana","extensions":["st"]},"application/vnd.sar":{"source":"iana"},"application/vnd.sbm.cid":{"source":"iana"},"application/vnd.sbm.mid2":{"source":"iana"},"application/vnd.scribus":{"source":"iana"},"application/vnd.sealed.3df":{"source":"iana"},"application/vnd.sealed.csf":{"source":"iana"},"application/vnd.sealed.doc":{"source":"iana"},"application/vnd.sealed.eml":{"source":"iana"},"application/vnd.sealed.mht":{"source":"iana"},"application/vnd.sealed.net":{"source":"iana"},"application/vnd.sealed.ppt":{"source":"iana"},"application/vnd.sealed.tiff":{"source":"iana"},"application/vnd.sealed.xls":{"source":"iana"},"application/vnd.sealedmedia.softseal.html":{"source":"iana"},"application/vnd.sealedmedia.softseal.pdf":{"source":"iana"},"application/vnd.seemail":{"source":"iana","extensions":["see"]},"application/vnd.seis+json":{"source":"iana","compressible":true},"application/vnd.sema":{"source":"iana","extensions":["sema"]},"application/vnd.semd":{"source":"iana","extensions":["semd"]},"application/vnd.semf":{"source":"iana","extensions":["semf"]},"application/vnd.shade-save-file":{"source":"iana"},"application/vnd.shana.informed.formdata":{"source":"iana","extensions":["ifm"]},"application/vnd.shana.informed.formtemplate":{"source":"iana","extensions":["itp"]},"application/vnd.shana.informed.interchange":{"source":"iana","extensions":["iif"]},"application/vnd.shana.informed.package":{"source":"iana","extensions":["ipk"]},"application/vnd.shootproof+json":{"source":"iana","compressible":true},"application/vnd.shopkick+json":{"source":"iana","compressible":true},"application/vnd.shp":{"source":"iana"},"application/vnd.shx":{"source":"iana"},"application/vnd.sigrok.session":{"source":"iana"},"application/vnd.simtech-mindmapper":{"source":"iana","extensions":["twd","twds"]},"application/vnd.siren+json":{"source":"iana","compressible":true},"application/vnd.sketchometry":{"source":"iana"},"application/vnd.smaf":{"source":"iana","extensions":["mmf"]},"application/vnd.smart.notebook":{"source":"iana"},"application/vnd.smart.teacher":{"source":"iana","extensions":["teacher"]},"application/vnd.smintio.portals.archive":{"source":"iana"},"application/vnd.snesdev-page-table":{"source":"iana"},"application/vnd.software602.filler.form+xml":{"source":"iana","compressible":true,"extensions":["fo"]},"application/vnd.software602.filler.form-xml-zip":{"source":"iana"},"application/vnd.solent.sdkm+xml":{"source":"iana","compressible":true,"extensions":["sdkm","sdkd"]},"application/vnd.spotfire.dxp":{"source":"iana","extensions":["dxp"]},"application/vnd.spotfire.sfs":{"source":"iana","extensions":["sfs"]},"application/vnd.sqlite3":{"source":"iana"},"application/vnd.sss-cod":{"source":"iana"},"application/vnd.sss-dtf":{"source":"iana"},"application/vnd.sss-ntf":{"source":"iana"},"application/vnd.stardivision.calc":{"source":"apache","extensions":["sdc"]},"application/vnd.stardivision.draw":{"source":"apache","extensions":["sda"]},"application/vnd.stardivision.impress":{"source":"apache","extensions":["sdd"]},"application/vnd.stardivision.math":{"source":"apache","extensions":["smf"]},"application/vnd.stardivision.writer":{"source":"apache","extensions":["sdw","vor"]},"application/vnd.stardivision.writer-global":{"source":"apache","extensions":["sgl"]},"application/vnd.stepmania.package":{"source":"iana","extensions":["smzip"]},"application/vnd.stepmania.stepchart":{"source":"iana","extensions":["sm"]},"application/vnd.street-stream":{"source":"iana"},"application/vnd.sun.wadl+xml":{"source":"iana","compressible":true,"extensions":["wadl"]},"application/vnd.sun.xml.calc":{"source":"apache","extensions":["sxc"]},"application/vnd.sun.xml.calc.template":{"source":"apache","extensions":["stc"]},"application/vnd.sun.xml.draw":{"source":"apache","extensions":["sxd"]},"application/vnd.sun.xml.draw.template":{"source":"apache","extensions":["std"]},"application/vnd.sun.xml.impress":{"source":"apache","extensions":["sxi"]},"application/vnd.sun.xml.impress.template":{"source":"apache","extensions":["sti"]},"application/vnd.sun.xml.math":{"source":"apache","extensions":["sxm"]},"application/vnd.sun.xml.writer":{"source":"apache","extensions":["sxw"]},"application/vnd.sun.xml.writer.global":{"source":"apache","extensions":["sxg"]},"application/vnd.sun.xml.writer.template":{"source":"apache","extensions":["stw"]},"application/vnd.sus-calendar":{"source":"iana","extensions":["sus","susp"]},"application/vnd.svd":{"source":"iana","extensions":["svd"]},"application/vnd.swiftview-ics":{"source":"iana"},"application/vnd.sybyl.mol2":{"source":"iana"},"application/vnd.sycle+xml":{"source":"iana","compressible":true},"application/vnd.syft+json":{"source":"iana","compressible":true},"application/vnd.symbian.install":{"source":"apache","extensions":["sis","sisx"]},"application/vnd.syncml+xml":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["xsm"]},"application/vnd.syncml.dm+wbxml":{"source":"iana","charset":"UTF-8","extensions":["bdm"]},"application/vnd.syncml.dm+xml":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["xdm"]},"application/vnd.syncml.dm.notification":{"source":"iana"},"application/vnd.syncml.dmddf+wbxml":{"source":"iana"},"application/vnd.syncml.dmddf+xml":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["ddf"]},"application/vnd.syncml.dmtnds+wbxml":{"source":"iana"},"application/vnd.syncml.dmtnds+xml":{"source":"iana","charset":"UTF-8","compressible":true},"application/vnd.syncml.ds.notification":{"source":"iana"},"application/vnd.tableschema+json":{"source":"iana","compressible":true},"application/vnd.tao.intent-module-archive":{"source":"iana","extensions":["tao"]},"application/vnd.tcpdump.pcap":{"source":"iana","extensions":["pcap","cap","dmp"]},"application/vnd.think-cell.ppttc+json":{"source":"iana","compressible":true},"application/vnd.tmd.mediaflex.api+xml":{"source":"iana","compressible":true},"application/vnd.tml":{"source":"iana"},"application/vnd.tmobile-livetv":{"source":"iana","extensions":["tmo"]},"application/vnd.tri.onesource":{"source":"iana"},"application/vnd.trid.tpt":{"source":"iana","extensions":["tpt"]},"application/vnd.triscape.mxs":{"source":"iana","extensions":["mxs"]},"application/vnd.trueapp":{"source":"iana","extensions":["tra"]},"application/vnd.truedoc":{"source":"iana"},"application/vnd.ubisoft.webplayer":{"source":"iana"},"application/vnd.ufdl":{"source":"iana","extensions":["ufd","ufdl"]},"application/vnd.uic.osdm+json":{"source":"iana","compressible":true},"application/vnd.uiq.theme":{"source":"iana","extensions":["utz"]},"application/vnd.umajin":{"source":"iana","extensions":["umj"]},"application/vnd.unity":{"source":"iana","extensions":["unityweb"]},"application/vnd.uoml+xml":{"source":"iana","compressible":true,"extensions":["uoml","uo"]},"application/vnd.uplanet.alert":{"source":"iana"},"application/vnd.uplanet.alert-wbxml":{"source":"iana"},"application/vnd.uplanet.bearer-choice":{"source":"iana"},"application/vnd.uplanet.bearer-choice-wbxml":{"source":"iana"},"application/vnd.uplanet.cacheop":{"source":"iana"},"application/vnd.uplanet.cacheop-wbxml":{"source":"iana"},"application/vnd.uplanet.channel":{"source":"iana"},"application/vnd.uplanet.channel-wbxml":{"source":"iana"},"application/vnd.uplanet.list":{"source":"iana"},"application/vnd.uplanet.list-wbxml":{"source":"iana"},"application/vnd.uplanet.listcmd":{"source":"iana"},"application/vnd.uplanet.listcmd-wbxml":{"source":"iana"},"application/vnd.uplanet.signal":{"source":"iana"},"application/vnd.uri-map":{"source":"iana"},"application/vnd.valve.source.material":{"source":"iana"},"application/vnd.vcx":{"source":"iana","extensions":["vcx"]},"application/vnd.vd-study":{"source":"iana"},"application/vnd.vectorworks":{"source":"iana"},"application/vnd.vel+json":{"source":"iana","compressible":true},"application/vnd.veraison.tsm-report+cbor":{"source":"iana"},"application/vnd.veraison.tsm-report+json":{"source":"iana","compressible":true},"application/vnd.verimatrix.vcas":{"source":"iana"},"application/vnd.veritone.aion+json":{"source":"iana","compressible":true},"application/vnd.veryant.thin":{"source":"iana"},"application/vnd.ves.encrypted":{"source":"iana"},"application/vnd.vidsoft.vidconference":{"source":"iana"},"application/vnd.visio":{"source":"iana","extensions":["vsd","vst","vss","vsw","vsdx","vtx"]},"application/vnd.visionary":{"source":"iana","extensions":["vis"]},"application/vnd.vividence.scriptfile":{"source":"iana"},"application/vnd.vocalshaper.vsp4":{"source":"iana"},"application/vnd.vsf":{"source":"iana","extensions":["vsf"]},"application/vnd.wap.sic":{"source":"iana"},"application/vnd.wap.slc":{"source":"iana"},"application/vnd.wap.wbxml":{"source":"iana","charset":"UTF-8","extensions":["wbxml"]},"application/vnd.wap.wmlc":{"source":"iana","extensions":["wmlc"]},"application/vnd.wap.wmlscriptc":{"source":"iana","extensions":["wmlsc"]},"application/vnd.wasmflow.wafl":{"source":"iana"},"application/vnd.webturbo":{"source":"iana","extensions":["wtb"]},"application/vnd.wfa.dpp":{"source":"iana"},"application/vnd.wfa.p2p":{"source":"iana"},"application/vnd.wfa.wsc":{"source":"iana"},"application/vnd.windows.devicepairing":{"source":"iana"},"application/vnd.wmc":{"source":"iana"},"application/vnd.wmf.bootstrap":{"source":"iana"},"application/vnd.wolfram.mathematica":{"source":"iana"},"application/vnd.wolfram.mathematica.package":{"source":"iana"},"application/vnd.wolfram.player":{"source":"iana","extensions":["nbp"]},"application/vnd.wordlift":{"source":"iana"},"application/vnd.wordperfect":{"source":"iana","extensions":["wpd"]},"application/vnd.wqd":{"source":"iana","extensions":["wqd"]},"application/vnd.wrq-hp3000-labelled":{"source":"iana"},"application/vnd.wt.stf":{"source":"iana","extensions":["stf"]},"application/vnd.wv.csp+wbxml":{"source":"iana"},"application/vnd.wv.csp+xml":{"source":"iana","compressible":true},"application/vnd.wv.ssp+xml":{"source":"iana","compressible":true},"application/vnd.xacml+json":{"source":"iana","compressible":true},"application/vnd.xara":{"source":"iana","extensions":["xar"]},"application/vnd.xarin.cpj":{"source":"iana"},"application/vnd.xecrets-encrypted":{"source":"iana"},"application/vnd.xfdl":{"source":"iana","extensions":["xfdl"]},"application/vnd.xfdl.webform":{"source":"iana"},"application/vnd.xmi+xml":{"source":"iana","compressible":true},"application/vnd.xmpie.cpkg":{"source":"iana"},"application/vnd.xmpie.dpkg":{"source":"iana"},"application/vnd.xmpie.plan":{"source":"iana"},"application/vnd.xmpie.ppkg":{"source":"iana"},"application/vnd.xmpie.xlim":{"source":"iana"},"application/vnd.yamaha.hv-dic":{"source":"iana","extensions":["hvd"]},"application/vnd.yamaha.hv-script":{"source":"iana","extensions":["hvs"]},"application/vnd.yamaha.hv-voice":{"source":"iana","extensions":["hvp"]},"application/vnd.yamaha.openscoreformat":{"source":"iana","extensions":["osf"]},"application/vnd.yamaha.openscoreformat.osfpvg+xml":{"source":"iana","compressible":true,"extensions":["osfpvg"]},"application/vnd.yamaha.remote-setup":{"source":"iana"},"application/vnd.yamaha.smaf-audio":{"source":"iana","extensions":["saf"]},"application/vnd.yamaha.smaf-phrase":{"source":"iana","extensions":["spf"]},"application/vnd.yamaha.through-ngn":{"source":"iana"},"application/vnd.yamaha.tunnel-udpencap":{"source":"iana"},"application/vnd.yaoweme":{"source":"iana"},"application/vnd.yellowriver-custom-menu":{"source":"iana","extensions":["cmp"]},"application/vnd.zul":{"source":"iana","extensions":["zir","zirz"]},"application/vnd.zzazz.deck+xml":{"source":"iana","compressible":true,"extensions":["zaz"]},"application/voicexml+xml":{"source":"iana","compressible":true,"extensions":["vxml"]},"application/voucher-cms+json":{"source":"iana","compressible":true},"application/voucher-jws+json":{"source":"iana","compressible":true},"application/vp":{"source":"iana"},"application/vp+cose":{"source":"iana"},"application/vp+jwt":{"source":"iana"},"application/vq-rtcpxr":{"source":"iana"},"application/wasm":{"source":"iana","compressible":true,"extensions":["wasm"]},"application/watcherinfo+xml":{"source":"iana","compressible":true,"extensions":["wif"]},"application/webpush-options+json":{"source":"iana","compressible":true},"application/whoispp-query":{"source":"iana"},"application/whoispp-response":{"source":"iana"},"application/widget":{"source":"iana","extensions":["wgt"]},"application/winhlp":{"source":"apache","extensions":["hlp"]},"application/wita":{"source":"iana"},"application/wordperfect5.1":{"source":"iana"},"application/wsdl+xml":{"source":"iana","compressible":true,"extensions":["wsdl"]},"application/wspolicy+xml":{"source":"iana","compressible":true,"extensions":["wspolicy"]},"application/x-7z-compressed":{"source":"apache","compressible":false,"extensions":["7z"]},"application/x-abiword":{"source":"apache","extensions":["abw"]},"application/x-ace-compressed":{"source":"apache","extensions":["ace"]},"application/x-amf":{"source":"apache"},"application/x-apple-diskimage":{"source":"apache","extensions":["dmg"]},"application/x-arj":{"compressible":false,"extensions":["arj"]},"application/x-authorware-bin":{"source":"apache","extensions":["aab","x32","u32","vox"]},"application/x-authorware-map":{"source":"apache","extensions":["aam"]},"application/x-authorware-seg":{"source":"apache","extensions":["aas"]},"application/x-bcpio":{"source":"apache","extensions":["bcpio"]},"application/x-bdoc":{"compressible":false,"extensions":["bdoc"]},"application/x-bittorrent":{"source":"apache","extensions":["torrent"]},"application/x-blender":{"extensions":["blend"]},"application/x-blorb":{"source":"apache","extensions":["blb","blorb"]},"application/x-bzip":{"source":"apache","compressible":false,"extensions":["bz"]},"application/x-bzip2":{"source":"apache","compressible":false,"extensions":["bz2","boz"]},"application/x-cbr":{"source":"apache","extensions":["cbr","cba","cbt","cbz","cb7"]},"application/x-cdlink":{"source":"apache","extensions":["vcd"]},"application/x-cfs-compressed":{"source":"apache","extensions":["cfs"]},"application/x-chat":{"source":"apache","extensions":["chat"]},"application/x-chess-pgn":{"source":"apache","extensions":["pgn"]},"application/x-chrome-extension":{"extensions":["crx"]},"application/x-cocoa":{"source":"nginx","extensions":["cco"]},"application/x-compress":{"source":"apache"},"application/x-compressed":{"extensions":["rar"]},"application/x-conference":{"source":"apache","extensions":["nsc"]},"application/x-cpio":{"source":"apache","extensions":["cpio"]},"application/x-csh":{"source":"apache","extensions":["csh"]},"application/x-deb":{"compressible":false},"application/x-debian-package":{"source":"apache","extensions":["deb","udeb"]},"application/x-dgc-compressed":{"source":"apache","extensions":["dgc"]},"application/x-director":{"source":"apache","extensions":["dir","dcr","dxr","cst","cct","cxt","w3d","fgd","swa"]},"application/x-doom":{"source":"apache","extensions":["wad"]},"application/x-dtbncx+xml":{"source":"apache","compressible":true,"extensions":["ncx"]},"application/x-dtbook+xml":{"source":"apache","compressible":true,"extensions":["dtb"]},"application/x-dtbresource+xml":{"source":"apache","compressible":true,"extensions":["res"]},"application/x-dvi":{"source":"apache","compressible":false,"extensions":["dvi"]},"application/x-envoy":{"source":"apache","extensions":["evy"]},"application/x-eva":{"source":"apache","extensions":["eva"]},"application/x-font-bdf":{"source":"apache","extensions":["bdf"]},"application/x-font-dos":{"source":"apache"},"application/x-font-framemaker":{"source":"apache"},"application/x-font-ghostscript":{"source":"apache","extensions":["gsf"]},"application/x-font-libgrx":{"source":"apache"},"application/x-font-linux-psf":{"source":"apache","extensions":["psf"]},"application/x-font-pcf":{"source":"apache","extensions":["pcf"]},"application/x-font-snf":{"source":"apache","extensions":["snf"]},"application/x-font-speedo":{"source":"apache"},"application/x-font-sunos-news":{"source":"apache"},"application/x-font-type1":{"source":"apache","extensions":["pfa","pfb","pfm","afm"]},"application/x-font-vfont":{"source":"apache"},"application/x-freearc":{"source":"apache","extensions":["arc"]},"application/x-futuresplash":{"source":"apache","extensions":["spl"]},"application/x-gca-compressed":{"source":"apache","extensions":["gca"]},"application/x-glulx":{"source":"apache","extensions":["ulx"]},"application/x-gnumeric":{"source":"apache","extensions":["gnumeric"]},"application/x-gramps-xml":{"source":"apache","extensions":["gramps"]},"application/x-gtar":{"source":"apache","extensions":["gtar"]},"application/x-gzip":{"source":"apache"},"application/x-hdf":{"source":"apache","extensions":["hdf"]},"application/x-httpd-php":{"compressible":true,"extensions":["php"]},"application/x-install-instructions":{"source":"apache","extensions":["install"]},"application/x-ipynb+json":{"compressible":true,"extensions":["ipynb"]},"application/x-iso9660-image":{"source":"apache","extensions":["iso"]},"application/x-iwork-keynote-sffkey":{"extensions":["key"]},"application/x-iwork-numbers-sffnumbers":{"extensions":["numbers"]},"application/x-iwork-pages-sffpages":{"extensions":["pages"]},"application/x-java-archive-diff":{"source":"nginx","extensions":["jardiff"]},"application/x-java-jnlp-file":{"source":"apache","compressible":false,"extensions":["jnlp"]},"application/x-javascript":{"compressible":true},"application/x-keepass2":{"extensions":["kdbx"]},"application/x-latex":{"source":"apache","compressible":false,"extensions":["latex"]},"application/x-lua-bytecode":{"extensions":["luac"]},"application/x-lzh-compressed":{"source":"apache","extensions":["lzh","lha"]},"application/x-makeself":{"source":"nginx","extensions":["run"]},"application/x-mie":{"source":"apache","extensions":["mie"]},"application/x-mobipocket-ebook":{"source":"apache","extensions":["prc","mobi"]},"application/x-mpegurl":{"compressible":false},"application/x-ms-application":{"source":"apache","extensions":["application"]},"application/x-ms-shortcut":{"source":"apache","extensions":["lnk"]},"application/x-ms-wmd":{"source":"apache","extensions":["wmd"]},"application/x-ms-wmz":{"source":"apache","extensions":["wmz"]},"application/x-ms-xbap":{"source":"apache","extensions":["xbap"]},"application/x-msaccess":{"source":"apache","extensions":["mdb"]},"application/x-msbinder":{"source":"apache","extensions":["obd"]},"application/x-mscardfile":{"source":"apache","extensions":["crd"]},"application/x-msclip":{"source":"apache","extensions":["clp"]},"application/x-msdos-program":{"extensions":["exe"]},"application/x-msdownload":{"source":"apache","extensions":["exe","dll","com","bat","msi"]},"application/x-msmediaview":{"source":"apache","extensions":["mvb","m13","m14"]},"application/x-msmetafile":{"source":"apache","extensions":["wmf","wmz","emf","emz"]},"application/x-msmoney":{"source":"apache","extensions":["mny"]},"application/x-mspublisher":{"source":"apache","extensions":["pub"]},"application/x-msschedule":{"source":"apache","extensions":["scd"]},"application/x-msterminal":{"source":"apache","extensions":["trm"]},"application/x-mswrite":{"source":"apache","extensions":["wri"]},"application/x-netcdf":{"source":"apache","extensions":["nc","cdf"]},"application/x-ns-proxy-autoconfig":{"compressible":true,"extensions":["pac"]},"application/x-nzb":{"source":"apache","extensions":["nzb"]},"application/x-perl":{"source":"nginx","extensions":["pl","pm"]},"application/x-pilot":{"source":"nginx","extensions":["prc","pdb"]},"application/x-pkcs12":{"source":"apache","compressible":false,"extensions":["p12","pfx"]},"application/x-pkcs7-certificates":{"source":"apache","extensions":["p7b","spc"]},"application/x-pkcs7-certreqresp":{"source":"apache","extensions":["p7r"]},"application/x-pki-message":{"source":"iana"},"application/x-rar-compressed":{"source":"apache","compressible":false,"extensions":["rar"]},"application/x-redhat-package-manager":{"source":"nginx","extensions":["rpm"]},"application/x-research-info-systems":{"source":"apache","extensions":["ris"]},"application/x-sea":{"source":"nginx","extensions":["sea"]},"application/x-sh":{"source":"apache","compressible":true,"extensions":["sh"]},"application/x-shar":{"source":"apache","extensions":["shar"]},"application/x-shockwave-flash":{"source":"apache","compressible":false,"extensions":["swf"]},"application/x-silverlight-app":{"source":"apache","extensions":["xap"]},"application/x-sql":{"source":"apache","extensions":["sql"]},"application/x-stuffit":{"source":"apache","compressible":false,"extensions":["sit"]},"application/x-stuffitx":{"source":"apache","extensions":["sitx"]},"application/x-subrip":{"source":"apache","extensions":["srt"]},"application/x-sv4cpio":{"source":"apache","extensions":["sv4cpio"]},"application/x-sv4crc":{"source":"apache","extensions":["sv4crc"]},"application/x-t3vm-image":{"source":"apache","extensions":["t3"]},"application/x-tads":{"source":"apache","extensions":["gam"]},"application/x-tar":{"source":"apache","compressible":true,"extensions":["tar"]},"application/x-tcl":{"source":"apache","extensions":["tcl","tk"]},"application/x-tex":{"source":"apache","extensions":["tex"]},"application/x-tex-tfm":{"source":"apache","extensions":["tfm"]},"application/x-texinfo":{"source":"apache","extensions":["texinfo","texi"]},"application/x-tgif":{"source":"apache","extensions":["obj"]},"application/x-ustar":{"source":"apache","extensions":["ustar"]},"application/x-virtualbox-hdd":{"compressible":true,"extensions":["hdd"]},"application/x-virtualbox-ova":{"compressible":true,"extensions":["ova"]},"application/x-virtualbox-ovf":{"compressible":true,"extensions":["ovf"]},"application/x-virtualbox-vbox":{"compressible":true,"extensions":["vbox"]},"application/x-virtualbox-vbox-extpack":{"compressible":false,"extensions":["vbox-extpack"]},"application/x-virtualbox-vdi":{"compressible":true,"extensions":["vdi"]},"application/x-virtualbox-vhd":{"compressible":true,"extensions":["vhd"]},"application/x-virtualbox-vmdk":{"compressible":true,"extensions":["vmdk"]},"application/x-wais-source":{"source":"apache","extensions":["src"]},"application/x-web-app-manifest+json":{"compressible":true,"extensions":["webapp"]},"application/x-www-form-urlencoded":{"source":"iana","compressible":true},"application/x-x509-ca-cert":{"source":"iana","extensions":["der","crt","pem"]},"application/x-x509-ca-ra-cert":{"source":"iana"},"application/x-x509-next-ca-cert":{"source":"iana"},"application/x-xfig":{"source":"apache","extensions":["fig"]},"application/x-xliff+xml":{"source":"apache","compressible":true,"extensions":["xlf"]},"application/x-xpinstall":{"source":"apache","compressible":false,"extensions":["xpi"]},"application/x-xz":{"source":"apache","extensions":["xz"]},"application/x-zip-compressed":{"extensions":["zip"]},"application/x-zmachine":{"source":"apache","extensions":["z1","z2","z3","z4","z5","z6","z7","z8"]},"application/x400-bp":{"source":"iana"},"application/xacml+xml":{"source":"iana","compressible":true},"application/xaml+xml":{"source":"apache","compressible":true,"extensions":["xaml"]},"application/xcap-att+xml":{"source":"iana","compressible":true,"extensions":["xav"]},"application/xcap-caps+xml":{"source":"iana","compressible":true,"extensions":["xca"]},"application/xcap-diff+xml":{"source":"iana","compressible":true,"extensions":["xdf"]},"application/xcap-el+xml":{"source":"iana","compressible":true,"extensions":["xel"]},"application/xcap-error+xml":{"source":"iana","compressible":true},"application/xcap-ns+xml":{"source":"iana","compressible":true,"extensions":["xns"]},"application/xcon-conference-info+xml":{"source":"iana","compressible":true},"application/xcon-conference-info-diff+xml":{"source":"iana","compressible":true},"application/xenc+xml":{"source":"iana","compressible":true,"extensions":["xenc"]},"application/xfdf":{"source":"iana","extensions":["xfdf"]},"application/xhtml+xml":{"source":"iana","compressible":true,"extensions":["xhtml","xht"]},"application/xhtml-voice+xml":{"source":"apache","compressible":true},"application/xliff+xml":{"source":"iana","compressible":true,"extensions":["xlf"]},"application/xml":{"source":"iana","compressible":true,"extensions":["xml","xsl","xsd","rng"]},"application/xml-dtd":{"source":"iana","compressible":true,"extensions":["dtd"]},"application/xml-external-parsed-entity":{"source":"iana"},"application/xml-patch+xml":{"source":"iana","compressible":true},"application/xmpp+xml":{"source":"iana","compressible":true},"application/xop+xml":{"source":"iana","compressible":true,"extensions":["xop"]},"application/xproc+xml":{"source":"apache","compressible":true,"extensions":["xpl"]},"application/xslt+xml":{"source":"iana","compressible":true,"extensions":["xsl","xslt"]},"application/xspf+xml":{"source":"apache","compressible":true,"extensions":["xspf"]},"application/xv+xml":{"source":"iana","compressible":true,"extensions":["mxml","xhvml","xvml","xvm"]},"application/yaml":{"source":"iana"},"application/yang":{"source":"iana","extensions":["yang"]},"application/yang-data+cbor":{"source":"iana"},"application/yang-data+json":{"source":"iana","compressible":true},"application/yang-data+xml":{"source":"iana","compressible":true},"application/yang-patch+json":{"source":"iana","compressible":true},"application/yang-patch+xml":{"source":"iana","compressible":true},"application/yang-sid+json":{"source":"iana","compressible":true},"application/yin+xml":{"source":"iana","compressible":true,"extensions":["yin"]},"application/zip":{"source":"iana","compressible":false,"extensions":["zip"]},"application/zip+dotlottie":{"extensions":["lottie"]},"application/zlib":{"source":"iana"},"application/zstd":{"source":"iana"},"audio/1d-interleaved-parityfec":{"source":"iana"},"audio/32kadpcm":{"source":"iana"},"audio/3gpp":{"source":"iana","compressible":false,"extensions":["3gpp"]},"audio/3gpp2":{"source":"iana"},"audio/aac":{"source":"iana","extensions":["adts","aac"]},"audio/ac3":{"source":"iana"},"audio/adpcm":{"source":"apache","extensions":["adp"]},"audio/amr":{"source":"iana","extensions":["amr"]},"audio/amr-wb":{"source":"iana"},"audio/amr-wb+":{"source":"iana"},"audio/aptx":{"source":"iana"},"audio/asc":{"source":"iana"},"audio/atrac-advanced-lossless":{"source":"iana"},"audio/atrac-x":{"source":"iana"},"audio/atrac3":{"source":"iana"},"audio/basic":{"source":"iana","compressible":false,"extensions":["au","snd"]},"audio/bv16":{"source":"iana"},"audio/bv32":{"source":"iana"},"audio/clearmode":{"source":"iana"},"audio/cn":{"source":"iana"},"audio/dat12":{"source":"iana"},"audio/dls":{"source":"iana"},"audio/dsr-es201108":{"source":"iana"},"audio/dsr-es202050":{"source":"iana"},"audio/dsr-es202211":{"source":"iana"},"audio/dsr-es202212":{"source":"iana"},"audio/dv":{"source":"iana"},"audio/dvi4":{"source":"iana"},"audio/eac3":{"source":"iana"},"audio/encaprtp":{"source":"iana"},"audio/evrc":{"source":"iana"},"audio/evrc-qcp":{"source":"iana"},"audio/evrc0":{"source":"iana"},"audio/evrc1":{"source":"iana"},"audio/evrcb":{"source":"iana"},"audio/evrcb0":{"source":"iana"},"audio/evrcb1":{"source":"iana"},"audio/evrcnw":{"source":"iana"},"audio/evrcnw0":{"source":"iana"},"audio/evrcnw1":{"source":"iana"},"audio/evrcwb":{"source":"iana"},"audio/evrcwb0":{"source":"iana"},"audio/evrcwb1":{"source":"iana"},"audio/evs":{"source":"iana"},"audio/flac":{"source":"iana"},"audio/flexfec":{"source":"iana"},"audio/fwdred":{"source":"iana"},"audio/g711-0":{"source":"iana"},"audio/g719":{"source":"iana"},"audio/g722":{"source":"iana"},"audio/g7221":{"source":"iana"},"audio/g723":{"source":"iana"},"audio/g726-16":{"source":"iana"},"audio/g726-24":{"source":"iana"},"audio/g726-32":{"source":"iana"},"audio/g726-40":{"source":"iana"},"audio/g728":{"source":"iana"},"audio/g729":{"source":"iana"},"audio/g7291":{"source":"iana"},"audio/g729d":{"source":"iana"},"audio/g729e":{"source":"iana"},"audio/gsm":{"source":"iana"},"audio/gsm-efr":{"source":"iana"},"audio/gsm-hr-08":{"source":"iana"},"audio/ilbc":{"source":"iana"},"audio/ip-mr_v2.5":{"source":"iana"},"audio/isac":{"source":"apache"},"audio/l16":{"source":"iana"},"audio/l20":{"source":"iana"},"audio/l24":{"source":"iana","compressible":false},"audio/l8":{"source":"iana"},"audio/lpc":{"source":"iana"},"audio/matroska":{"source":"iana"},"audio/melp":{"source":"iana"},"audio/melp1200":{"source":"iana"},"audio/melp2400":{"source":"iana"},"audio/melp600":{"source":"iana"},"audio/mhas":{"source":"iana"},"audio/midi":{"source":"apache","extensions":["mid","midi","kar","rmi"]},"audio/midi-clip":{"source":"iana"},"audio/mobile-xmf":{"source":"iana","extensions":["mxmf"]},"audio/mp3":{"compressible":false,"extensions":["mp3"]},"audio/mp4":{"source":"iana","compressible":false,"extensions":["m4a","mp4a","m4b"]},"audio/mp4a-latm":{"source":"iana"},"audio/mpa":{"source":"iana"},"audio/mpa-robust":{"source":"iana"},"audio/mpeg":{"source":"iana","compressible":false,"extensions":["mpga","mp2","mp2a","mp3","m2a","m3a"]},"audio/mpeg4-generic":{"source":"iana"},"audio/musepack":{"source":"apache"},"audio/ogg":{"source":"iana","compressible":false,"extensions":["oga","ogg","spx","opus"]},"audio/opus":{"source":"iana"},"audio/parityfec":{"source":"iana"},"audio/pcma":{"source":"iana"},"audio/pcma-wb":{"source":"iana"},"audio/pcmu":{"source":"iana"},"audio/pcmu-wb":{"source":"iana"},"audio/prs.sid":{"source":"iana"},"audio/qcelp":{"source":"iana"},"audio/raptorfec":{"source":"iana"},"audio/red":{"source":"iana"},"audio/rtp-enc-aescm128":{"source":"iana"},"audio/rtp-midi":{"source":"iana"},"audio/rtploopback":{"source":"iana"},"audio/rtx":{"source":"iana"},"audio/s3m":{"source":"apache","extensions":["s3m"]},"audio/scip":{"source":"iana"},"audio/silk":{"source":"apache","extensions":["sil"]},"audio/smv":{"source":"iana"},"audio/smv-qcp":{"source":"iana"},"audio/smv0":{"source":"iana"},"audio/sofa":{"source":"iana"},"audio/sp-midi":{"source":"iana"},"audio/speex":{"source":"iana"},"audio/t140c":{"source":"iana"},"audio/t38":{"source":"iana"},"audio/telephone-event":{"source":"iana"},"audio/tetra_acelp":{"source":"iana"},"audio/tetra_acelp_bb":{"source":"iana"},"audio/tone":{"source":"iana"},"audio/tsvcis":{"source":"iana"},"audio/uemclip":{"source":"iana"},"audio/ulpfec":{"source":"iana"},"audio/usac":{"source":"iana"},"audio/vdvi":{"source":"iana"},"audio/vmr-wb":{"source":"iana"},"audio/vnd.3gpp.iufp":{"source":"iana"},"audio/vnd.4sb":{"source":"iana"},"audio/vnd.audiokoz":{"source":"iana"},"audio/vnd.celp":{"source":"iana"},"audio/vnd.cisco.nse":{"source":"iana"},"audio/vnd.cmles.radio-events":{"source":"iana"},"audio/vnd.cns.anp1":{"source":"iana"},"audio/vnd.cns.inf1":{"source":"iana"},"audio/vnd.dece.audio":{"source":"iana","extensions":["uva","uvva"]},"audio/vnd.digital-winds":{"source":"iana","extensions":["eol"]},"audio/vnd.dlna.adts":{"source":"iana"},"audio/vnd.dolby.heaac.1":{"source":"iana"},"audio/vnd.dolby.heaac.2":{"source":"iana"},"audio/vnd.dolby.mlp":{"source":"iana"},"audio/vnd.dolby.mps":{"source":"iana"},"audio/vnd.dolby.pl2":{"source":"iana"},"audio/vnd.dolby.pl2x":{"source":"iana"},"audio/vnd.dolby.pl2z":{"source":"iana"},"audio/vnd.dolby.pulse.1":{"source":"iana"},"audio/vnd.dra":{"source":"iana","extensions":["dra"]},"audio/vnd.dts":{"source":"iana","extensions":["dts"]},"audio/vnd.dts.hd":{"source":"iana","extensions":["dtshd"]},"audio/vnd.dts.uhd":{"source":"iana"},"audio/vnd.dvb.file":{"source":"iana"},"audio/vnd.everad.plj":{"source":"iana"},"audio/vnd.hns.audio":{"source":"iana"},"audio/vnd.lucent.voice":{"source":"iana","extensions":["lvp"]},"audio/vnd.ms-playready.media.pya":{"source":"iana","extensions":["pya"]},"audio/vnd.nokia.mobile-xmf":{"source":"iana"},"audio/vnd.nortel.vbk":{"source":"iana"},"audio/vnd.nuera.ecelp4800":{"source":"iana","extensions":["ecelp4800"]},"audio/vnd.nuera.ecelp7470":{"source":"iana","extensions":["ecelp7470"]},"audio/vnd.nuera.ecelp9600":{"source":"iana","extensions":["ecelp9600"]},"audio/vnd.octel.sbc":{"source":"iana"},"audio/vnd.presonus.multitrack":{"source":"iana"},"audio/vnd.qcelp":{"source":"apache"},"audio/vnd.rhetorex.32kadpcm":{"source":"iana"},"audio/vnd.rip":{"source":"iana","extensions":["rip"]},"audio/vnd.rn-realaudio":{"compressible":false},"audio/vnd.sealedmedia.softseal.mpeg":{"source":"iana"},"audio/vnd.vmx.cvsd":{"source":"iana"},"audio/vnd.wave":{"compressible":false},"audio/vorbis":{"source":"iana","compressible":false},"audio/vorbis-config":{"source":"iana"},"audio/wav":{"compressible":false,"extensions":["wav"]},"audio/wave":{"compressible":false,"extensions":["wav"]},"audio/webm":{"source":"apache","compressible":false,"extensions":["weba"]},"audio/x-aac":{"source":"apache","compressible":false,"extensions":["aac"]},"audio/x-aiff":{"source":"apache","extensions":["aif","aiff","aifc"]},"audio/x-caf":{"source":"apache","compressible":false,"extensions":["caf"]},"audio/x-flac":{"source":"apache","extensions":["flac"]},"audio/x-m4a":{"source":"nginx","extensions":["m4a"]},"audio/x-matroska":{"source":"apache","extensions":["mka"]},"audio/x-mpegurl":{"source":"apache","extensions":["m3u"]},"audio/x-ms-wax":{"source":"apache","extensions":["wax"]},"audio/x-ms-wma":{"source":"apache","extensions":["wma"]},"audio/x-pn-realaudio":{"source":"apache","extensions":["ram","ra"]},"audio/x-pn-realaudio-plugin":{"source":"apache","extensions":["rmp"]},"audio/x-realaudio":{"source":"nginx","extensions":["ra"]},"audio/x-tta":{"source":"apache"},"audio/x-wav":{"source":"apache","extensions":["wav"]},"audio/xm":{"source":"apache","extensions":["xm"]},"chemical/x-cdx":{"source":"apache","extensions":["cdx"]},"chemical/x-cif":{"source":"apache","extensions":["cif"]},"chemical/x-cmdf":{"source":"apache","extensions":["cmdf"]},"chemical/x-cml":{"source":"apache","extensions":["cml"]},"chemical/x-csml":{"source":"apache","extensions":["csml"]},"chemical/x-pdb":{"source":"apache"},"chemical/x-xyz":{"source":"apache","extensions":["xyz"]},"font/collection":{"source":"iana","extensions":["ttc"]},"font/otf":{"source":"iana","compressible":true,"extensions":["otf"]},"font/sfnt":{"source":"iana"},"font/ttf":{"source":"iana","compressible":true,"extensions":["ttf"]},"font/woff":{"source":"iana","extensions":["woff"]},"font/woff2":{"source":"iana","extensions":["woff2"]},"image/aces":{"source":"iana","extensions":["exr"]},"image/apng":{"source":"iana","compressible":false,"extensions":["apng"]},"image/avci":{"source":"iana","extensions":["avci"]},"image/avcs":{"source":"iana","extensions":["avcs"]},"image/avif":{"source":"iana","compressible":false,"extensions":["avif"]},"image/bmp":{"source":"iana","compressible":true,"extensions":["bmp","dib"]},"image/cgm":{"source":"iana","extensions":["cgm"]},"image/dicom-rle":{"source":"iana","extensions":["drle"]},"image/dpx":{"source":"iana","extensions":["dpx"]},"image/emf":{"source":"iana","extensions":["emf"]},"image/fits":{"source":"iana","extensions":["fits"]},"image/g3fax":{"source":"iana","extensions":["g3"]},"image/gif":{"source":"iana","compressible":false,"extensions":["gif"]},"image/heic":{"source":"iana","extensions":["heic"]},"image/heic-sequence":{"source":"iana","extensions":["heics"]},"image/heif":{"source":"iana","extensions":["heif"]},"image/heif-sequence":{"source":"iana","extensions":["heifs"]},"image/hej2k":{"source":"iana","extensions":["hej2"]},"image/ief":{"source":"iana","extensions":["ief"]},"image/j2c":{"source":"iana"},"image/jaii":{"source":"iana","extensions":["jaii"]},"image/jais":{"source":"iana","extensions":["jais"]},"image/jls":{"source":"iana","extensions":["jls"]},"image/jp2":{"source":"iana","compressible":false,"extensions":["jp2","jpg2"]},"image/jpeg":{"source":"iana","compressible":false,"extensions":["jpg","jpeg","jpe"]},"image/jph":{"source":"iana","extensions":["jph"]},"image/jphc":{"source":"iana","extensions":["jhc"]},"image/jpm":{"source":"iana","compressible":false,"extensions":["jpm","jpgm"]},"image/jpx":{"source":"iana","compressible":false,"extensions":["jpx","jpf"]},"image/jxl":{"source":"iana","extensions":["jxl"]},"image/jxr":{"source":"iana","extensions":["jxr"]},"image/jxra":{"source":"iana","extensions":["jxra"]},"image/jxrs":{"source":"iana","extensions":["jxrs"]},"image/jxs":{"source":"iana","extensions":["jxs"]},"image/jxsc":{"source":"iana","extensions":["jxsc"]},"image/jxsi":{"source":"iana","extensions":["jxsi"]},"image/jxss":{"source":"iana","extensions":["jxss"]},"image/ktx":{"source":"iana","extensions":["ktx"]},"image/ktx2":{"source":"iana","extensions":["ktx2"]},"image/naplps":{"source":"iana"},"image/pjpeg":{"compressible":false,"extensions":["jfif"]},"image/png":{"source":"iana","compressible":false,"extensions":["png"]},"image/prs.btif":{"source":"iana","extensions":["btif","btf"]},"image/prs.pti":{"source":"iana","extensions":["pti"]},"image/pwg-raster":{"source":"iana"},"image/sgi":{"source":"apache","extensions":["sgi"]},"image/svg+xml":{"source":"iana","compressible":true,"extensions":["svg","svgz"]},"image/t38":{"source":"iana","extensions":["t38"]},"image/tiff":{"source":"iana","compressible":false,"extensions":["tif","tiff"]},"image/tiff-fx":{"source":"iana","extensions":["tfx"]},"image/vnd.adobe.photoshop":{"source":"iana","compressible":true,"extensions":["psd"]},"image/vnd.airzip.accelerator.azv":{"source":"iana","extensions":["azv"]},"image/vnd.clip":{"source":"iana"},"image/vnd.cns.inf2":{"source":"iana"},"image/vnd.dece.graphic":{"source":"iana","extensions":["uvi","uvvi","uvg","uvvg"]},"image/vnd.djvu":{"source":"iana","extensions":["djvu","djv"]},"image/vnd.dvb.subtitle":{"source":"iana","extensions":["sub"]},"image/vnd.dwg":{"source":"iana","extensions":["dwg"]},"image/vnd.dxf":{"source":"iana","extensions":["dxf"]},"image/vnd.fastbidsheet":{"source":"iana","extensions":["fbs"]},"image/vnd.fpx":{"source":"iana","extensions":["fpx"]},"image/vnd.fst":{"source":"iana","extensions":["fst"]},"image/vnd.fujixerox.edmics-mmr":{"source":"iana","extensions":["mmr"]},"image/vnd.fujixerox.edmics-rlc":{"source":"iana","extensions":["rlc"]},"image/vnd.globalgraphics.pgb":{"source":"iana"},"image/vnd.microsoft.icon":{"source":"iana","compressible":true,"extensions":["ico"]},"image/vnd.mix":{"source":"iana"},"image/vnd.mozilla.apng":{"source":"iana"},"image/vnd.ms-dds":{"compressible":true,"extensions":["dds"]},"image/vnd.ms-modi":{"source":"iana","extensions":["mdi"]},"image/vnd.ms-photo":{"source":"apache","extensions":["wdp"]},"image/vnd.net-fpx":{"source":"iana","extensions":["npx"]},"image/vnd.pco.b16":{"source":"iana","extensions":["b16"]},"image/vnd.radiance":{"source":"iana"},"image/vnd.sealed.png":{"source":"iana"},"image/vnd.sealedmedia.softseal.gif":{"source":"iana"},"image/vnd.sealedmedia.softseal.jpg":{"source":"iana"},"image/vnd.svf":{"source":"iana"},"image/vnd.tencent.tap":{"source":"iana","extensions":["tap"]},"image/vnd.valve.source.texture":{"source":"iana","extensions":["vtf"]},"image/vnd.wap.wbmp":{"source":"iana","extensions":["wbmp"]},"image/vnd.xiff":{"source":"iana","extensions":["xif"]},"image/vnd.zbrush.pcx":{"source":"iana","extensions":["pcx"]},"image/webp":{"source":"iana","extensions":["webp"]},"image/wmf":{"source":"iana","extensions":["wmf"]},"image/x-3ds":{"source":"apache","extensions":["3ds"]},"image/x-adobe-dng":{"extensions":["dng"]},"image/x-cmu-raster":{"source":"apache","extensions":["ras"]},"image/x-cmx":{"source":"apache","extensions":["cmx"]},"image/x-emf":{"source":"iana"},"image/x-freehand":{"source":"apache","extensions":["fh","fhc","fh4","fh5","fh7"]},"image/x-icon":{"source":"apache","compressible":true,"extensions":["ico"]},"image/x-jng":{"source":"nginx","extensions":["jng"]},"image/x-mrsid-image":{"source":"apache","extensions":["sid"]},"image/x-ms-bmp":{"source":"nginx","compressible":true,"extensions":["bmp"]},"image/x-pcx":{"source":"apache","extensions":["pcx"]},"image/x-pict":{"source":"apache","extensions":["pic","pct"]},"image/x-portable-anymap":{"source":"apache","extensions":["pnm"]},"image/x-portable-bitmap":{"source":"apache","extensions":["pbm"]},"image/x-portable-graymap":{"source":"apache","extensions":["pgm"]},"image/x-portable-pixmap":{"source":"apache","extensions":["ppm"]},"image/x-rgb":{"source":"apache","extensions":["rgb"]},"image/x-tga":{"source":"apache","extensions":["tga"]},"image/x-wmf":{"source":"iana"},"image/x-xbitmap":{"source":"apache","extensions":["xbm"]},"image/x-xcf":{"compressible":false},"image/x-xpixmap":{"source":"apache","extensions":["xpm"]},"image/x-xwindowdump":{"source":"apache","extensions":["xwd"]},"message/bhttp":{"source":"iana"},"message/cpim":{"source":"iana"},"message/delivery-status":{"source":"iana"},"message/disposition-notification":{"source":"iana","extensions":["disposition-notification"]},"message/external-body":{"source":"iana"},"message/feedback-report":{"source":"iana"},"message/global":{"source":"iana","extensions":["u8msg"]},"message/global-delivery-status":{"source":"iana","extensions":["u8dsn"]},"message/global-disposition-notification":{"source":"iana","extensions":["u8mdn"]},"message/global-headers":{"source":"iana","extensions":["u8hdr"]},"message/http":{"source":"iana","compressible":false},"message/imdn+xml":{"source":"iana","compressible":true},"message/mls":{"source":"iana"},"message/news":{"source":"apache"},"message/ohttp-req":{"source":"iana"},"message/ohttp-res":{"source":"iana"},"message/partial":{"source":"iana","compressible":false},"message/rfc822":{"source":"iana","compressible":true,"extensions":["eml","mime","mht","mhtml"]},"message/s-http":{"source":"apache"},"message/sip":{"source":"iana"},"message/sipfrag":{"source":"iana"},"message/tracking-status":{"source":"iana"},"message/vnd.si.simp":{"source":"apache"},"message/vnd.wfa.wsc":{"source":"iana","extensions":["wsc"]},"model/3mf":{"source":"iana","extensions":["3mf"]},"model/e57":{"source":"iana"},"model/gltf+json":{"source":"iana","compressible":true,"extensions":["gltf"]},"model/gltf-binary":{"source":"iana","compressible":true,"extensions":["glb"]},"model/iges":{"source":"iana","compressible":false,"extensions":["igs","iges"]},"model/jt":{"source":"iana","extensions":["jt"]},"model/mesh":{"source":"iana","compressible":false,"extensions":["msh","mesh","silo"]},"model/mtl":{"source":"iana","extensions":["mtl"]},"model/obj":{"source":"iana","extensions":["obj"]},"model/prc":{"source":"iana","extensions":["prc"]},"model/step":{"source":"iana","extensions":["step","stp","stpnc","p21","210"]},"model/step+xml":{"source":"iana","compressible":true,"extensions":["stpx"]},"model/step+zip":{"source":"iana","compressible":false,"extensions":["stpz"]},"model/step-xml+zip":{"source":"iana","compressible":false,"extensions":["stpxz"]},"model/stl":{"source":"iana","extensions":["stl"]},"model/u3d":{"source":"iana","extensions":["u3d"]},"model/vnd.bary":{"source":"iana","extensions":["bary"]},"model/vnd.cld":{"source":"iana","extensions":["cld"]},"model/vnd.collada+xml":{"source":"iana","compressible":true,"extensions":["dae"]},"model/vnd.dwf":{"source":"iana","extensions":["dwf"]},"model/vnd.flatland.3dml":{"source":"iana"},"model/vnd.gdl":{"source":"iana","extensions":["gdl"]},"model/vnd.gs-gdl":{"source":"apache"},"model/vnd.gs.gdl":{"source":"iana"},"model/vnd.gtw":{"source":"iana","extensions":["gtw"]},"model/vnd.moml+xml":{"source":"iana","compressible":true},"model/vnd.mts":{"source":"iana","extensions":["mts"]},"model/vnd.opengex":{"source":"iana","extensions":["ogex"]},"model/vnd.parasolid.transmit.binary":{"source":"iana","extensions":["x_b"]},"model/vnd.parasolid.transmit.text":{"source":"iana","extensions":["x_t"]},"model/vnd.pytha.pyox":{"source":"iana","extensions":["pyo","pyox"]},"model/vnd.rosette.annotated-data-model":{"source":"iana"},"model/vnd.sap.vds":{"source":"iana","extensions":["vds"]},"model/vnd.usda":{"source":"iana","extensions":["usda"]},"model/vnd.usdz+zip":{"source":"iana","compressible":false,"extensions":["usdz"]},"model/vnd.valve.source.compiled-map":{"source":"iana","extensions":["bsp"]},"model/vnd.vtu":{"source":"iana","extensions":["vtu"]},"model/vrml":{"source":"iana","compressible":false,"extensions":["wrl","vrml"]},"model/x3d+binary":{"source":"apache","compressible":false,"extensions":["x3db","x3dbz"]},"model/x3d+fastinfoset":{"source":"iana","extensions":["x3db"]},"model/x3d+vrml":{"source":"apache","compressible":false,"extensions":["x3dv","x3dvz"]},"model/x3d+xml":{"source":"iana","compressible":true,"extensions":["x3d","x3dz"]},"model/x3d-vrml":{"source":"iana","extensions":["x3dv"]},"multipart/alternative":{"source":"iana","compressible":false},"multipart/appledouble":{"source":"iana"},"multipart/byteranges":{"source":"iana"},"multipart/digest":{"source":"iana"},"multipart/encrypted":{"source":"iana","compressible":false},"multipart/form-data":{"source":"iana","compressible":false},"multipart/header-set":{"source":"iana"},"multipart/mixed":{"source":"iana"},"multipart/multilingual":{"source":"iana"},"multipart/parallel":{"source":"iana"},"multipart/related":{"source":"iana","compressible":false},"multipart/report":{"source":"iana"},"multipart/signed":{"source":"iana","compressible":false},"multipart/vnd.bint.med-plus":{"source":"iana"},"multipart/voice-message":{"source":"iana"},"multipart/x-mixed-replace":{"source":"iana"},"text/1d-interleaved-parityfec":{"source":"iana"},"text/cache-manifest":{"source":"iana","compressible":true,"extensions":["appcache","manifest"]},"text/calendar":{"source":"iana","extensions":["ics","ifb"]},"text/calender":{"compressible":true},"text/cmd":{"compressible":true},"text/coffeescript":{"extensions":["coffee","litcoffee"]},"text/cql":{"source":"iana"},"text/cql-expression":{"source":"iana"},"text/cql-identifier":{"source":"iana"},"text/css":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["css"]},"text/csv":{"source":"iana","compressible":true,"extensions":["csv"]},"text/csv-schema":{"source":"iana"},"text/directory":{"source":"iana"},"text/dns":{"source":"iana"},"text/ecmascript":{"source":"apache"},"text/encaprtp":{"source":"iana"},"text/enriched":{"source":"iana"},"text/fhirpath":{"source":"iana"},"text/flexfec":{"source":"iana"},"text/fwdred":{"source":"iana"},"text/gff3":{"source":"iana"},"text/grammar-ref-list":{"source":"iana"},"text/hl7v2":{"source":"iana"},"text/html":{"source":"iana","compressible":true,"extensions":["html","htm","shtml"]},"text/jade":{"extensions":["jade"]},"text/javascript":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["js","mjs"]},"text/jcr-cnd":{"source":"iana"},"text/jsx":{"compressible":true,"extensions":["jsx"]},"text/less":{"compressible":true,"extensions":["less"]},"text/markdown":{"source":"iana","compressible":true,"extensions":["md","markdown"]},"text/mathml":{"source":"nginx","extensions":["mml"]},"text/mdx":{"compressible":true,"extensions":["mdx"]},"text/mizar":{"source":"iana"},"text/n3":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["n3"]},"text/parameters":{"source":"iana","charset":"UTF-8"},"text/parityfec":{"source":"iana"},"text/plain":{"source":"iana","compressible":true,"extensions":["txt","text","conf","def","list","log","in","ini"]},"text/provenance-notation":{"source":"iana","charset":"UTF-8"},"text/prs.fallenstein.rst":{"source":"iana"},"text/prs.lines.tag":{"source":"iana","extensions":["dsc"]},"text/prs.prop.logic":{"source":"iana"},"text/prs.texi":{"source":"iana"},"text/raptorfec":{"source":"iana"},"text/red":{"source":"iana"},"text/rfc822-headers":{"source":"iana"},"text/richtext":{"source":"iana","compressible":true,"extensions":["rtx"]},"text/rtf":{"source":"iana","compressible":true,"extensions":["rtf"]},"text/rtp-enc-aescm128":{"source":"iana"},"text/rtploopback":{"source":"iana"},"text/rtx":{"source":"iana"},"text/sgml":{"source":"iana","extensions":["sgml","sgm"]},"text/shaclc":{"source":"iana"},"text/shex":{"source":"iana","extensions":["shex"]},"text/slim":{"extensions":["slim","slm"]},"text/spdx":{"source":"iana","extensions":["spdx"]},"text/strings":{"source":"iana"},"text/stylus":{"extensions":["stylus","styl"]},"text/t140":{"source":"iana"},"text/tab-separated-values":{"source":"iana","compressible":true,"extensions":["tsv"]},"text/troff":{"source":"iana","extensions":["t","tr","roff","man","me","ms"]},"text/turtle":{"source":"iana","charset":"UTF-8","extensions":["ttl"]},"text/ulpfec":{"source":"iana"},"text/uri-list":{"source":"iana","compressible":true,"extensions":["uri","uris","urls"]},"text/vcard":{"source":"iana","compressible":true,"extensions":["vcard"]},"text/vnd.a":{"source":"iana"},"text/vnd.abc":{"source":"iana"},"text/vnd.ascii-art":{"source":"iana"},"text/vnd.curl":{"source":"iana","extensions":["curl"]},"text/vnd.curl.dcurl":{"source":"apache","extensions":["dcurl"]},"text/vnd.curl.mcurl":{"source":"apache","extensions":["mcurl"]},"text/vnd.curl.scurl":{"source":"apache","extensions":["scurl"]},"text/vnd.debian.copyright":{"source":"iana","charset":"UTF-8"},"text/vnd.dmclientscript":{"source":"iana"},"text/vnd.dvb.subtitle":{"source":"iana","extensions":["sub"]},"text/vnd.esmertec.theme-descriptor":{"source":"iana","charset":"UTF-8"},"text/vnd.exchangeable":{"source":"iana"},"text/vnd.familysearch.gedcom":{"source":"iana","extensions":["ged"]},"text/vnd.ficlab.flt":{"source":"iana"},"text/vnd.fly":{"source":"iana","extensions":["fly"]},"text/vnd.fmi.flexstor":{"source":"iana","extensions":["flx"]},"text/vnd.gml":{"source":"iana"},"text/vnd.graphviz":{"source":"iana","extensions":["gv"]},"text/vnd.hans":{"source":"iana"},"text/vnd.hgl":{"source":"iana"},"text/vnd.in3d.3dml":{"source":"iana","extensions":["3dml"]},"text/vnd.in3d.spot":{"source":"iana","extensions":["spot"]},"text/vnd.iptc.newsml":{"source":"iana"},"text/vnd.iptc.nitf":{"source":"iana"},"text/vnd.latex-z":{"source":"iana"},"text/vnd.motorola.reflex":{"source":"iana"},"text/vnd.ms-mediapackage":{"source":"iana"},"text/vnd.net2phone.commcenter.command":{"source":"iana"},"text/vnd.radisys.msml-basic-layout":{"source":"iana"},"text/vnd.senx.warpscript":{"source":"iana"},"text/vnd.si.uricatalogue":{"source":"apache"},"text/vnd.sosi":{"source":"iana"},"text/vnd.sun.j2me.app-descriptor":{"source":"iana","charset":"UTF-8","extensions":["jad"]},"text/vnd.trolltech.linguist":{"source":"iana","charset":"UTF-8"},"text/vnd.vcf":{"source":"iana"},"text/vnd.wap.si":{"source":"iana"},"text/vnd.wap.sl":{"source":"iana"},"text/vnd.wap.wml":{"source":"iana","extensions":["wml"]},"text/vnd.wap.wmlscript":{"source":"iana","extensions":["wmls"]},"text/vnd.zoo.kcl":{"source":"iana"},"text/vtt":{"source":"iana","charset":"UTF-8","compressible":true,"extensions":["vtt"]},"text/wgsl":{"source":"iana","extensions":["wgsl"]},"text/x-asm":{"source":"apache","extensions":["s","asm"]},"text/x-c":{"source":"apache","extensions":["c","cc","cxx","cpp","h","hh","dic"]},"text/x-component":{"source":"nginx","extensions":["htc"]},"text/x-fortran":{"source":"apache","extensions":["f","for","f77","f90"]},"text/x-gwt-rpc":{"compressible":true},"text/x-handlebars-template":{"extensions":["hbs"]},"text/x-java-source":{"source":"apache","extensions":["java"]},"text/x-jquery-tmpl":{"compressible":true},"text/x-lua":{"extensions":["lua"]},"text/x-markdown":{"compressible":true,"extensions":["mkd"]},"text/x-nfo":{"source":"apache","extensions":["nfo"]},"text/x-opml":{"source":"apache","extensions":["opml"]},"text/x-org":{"compressible":true,"extensions":["org"]},"text/x-pascal":{"source":"apache","extensions":["p","pas"]},"text/x-processing":{"compressible":true,"extensions":["pde"]},"text/x-sass":{"extensions":["sass"]},"text/x-scss":{"extensions":["scss"]},"text/x-setext":{"source":"apache","extensions":["etx"]},"text/x-sfv":{"source":"apache","extensions":["sfv"]},"text/x-suse-ymp":{"compressible":true,"extensions":["ymp"]},"text/x-uuencode":{"source":"apache","extensions":["uu"]},"text/x-vcalendar":{"source":"apache","extensions":["vcs"]},"text/x-vcard":{"source":"apache","extensions":["vcf"]},"text/xml":{"source":"iana","compressible":true,"extensions":["xml"]},"text/xml-external-parsed-entity":{"source":"iana"},"text/yaml":{"compressible":true,"extensions":["yaml","yml"]},"video/1d-interleaved-parityfec":{"source":"iana"},"video/3gpp":{"source":"iana","extensions":["3gp","3gpp"]},"video/3gpp-tt":{"source":"iana"},"video/3gpp2":{"source":"iana","extensions":["3g2"]},"video/av1":{"source":"iana"},"video/bmpeg":{"source":"iana"},"video/bt656":{"source":"iana"},"video/celb":{"source":"iana"},"video/dv":{"source":"iana"},"video/encaprtp":{"source":"iana"},"video/evc":{"source":"iana"},"video/ffv1":{"source":"iana"},"video/flexfec":{"source":"iana"},"video/h261":{"source":"iana","extensions":["h261"]},"video/h263":{"source":"iana","extensions":["h263"]},"video/h263-1998":{"source":"iana"},"video/h263-2000":{"source":"iana"},"video/h264":{"source":"iana","extensions":["h264"]},"video/h264-rcdo":{"source":"iana"},"video/h264-svc":{"source":"iana"},"video/h265":{"source":"iana"},"video/h266":{"source":"iana"},"video/iso.segment":{"source":"iana","extensions":["m4s"]},"video/jpeg":{"source":"iana","extensions":["jpgv"]},"video/jpeg2000":{"source":"iana"},"video/jpm":{"source":"apache","extensions":["jpm","jpgm"]},"video/jxsv":{"source":"iana"},"video/lottie+json":{"source":"iana","compressible":true},"video/matroska":{"source":"iana"},"video/matroska-3d":{"source":"iana"},"video/mj2":{"source":"iana","extensions":["mj2","mjp2"]},"video/mp1s":{"source":"iana"},"video/mp2p":{"source":"iana"},"video/mp2t":{"source":"iana","extensions":["ts","m2t","m2ts","mts"]},"video/mp4":{"source":"iana","compressible":false,"extensions":["mp4","mp4v","mpg4"]},"video/mp4v-es":{"source":"iana"},"video/mpeg":{"source":"iana","compressible":false,"extensions":["mpeg","mpg","mpe","m1v","m2v"]},"video/mpeg4-generic":{"source":"iana"},"video/mpv":{"source":"iana"},"video/nv":{"source":"iana"},"video/ogg":{"source":"iana","compressible":false,"extensions":["ogv"]},"video/parityfec":{"source":"iana"},"video/pointer":{"source":"iana"},"video/quicktime":{"source":"iana","compressible":false,"extensions":["qt","mov"]},"video/raptorfec":{"source":"iana"},"video/raw":{"source":"iana"},"video/rtp-enc-aescm128":{"source":"iana"},"video/rtploopback":{"source":"iana"},"video/rtx":{"source":"iana"},"video/scip":{"source":"iana"},"video/smpte291":{"source":"iana"},"video/smpte292m":{"source":"iana"},"video/ulpfec":{"source":"iana"},"video/vc1":{"source":"iana"},"video/vc2":{"source":"iana"},"video/vnd.cctv":{"source":"iana"},"video/vnd.dece.hd":{"source":"iana","extensions":["uvh","uvvh"]},"video/vnd.dece.mobile":{"source":"iana","extensions":["uvm","uvvm"]},"video/vnd.dece.mp4":{"source":"iana"},"video/vnd.dece.pd":{"source":"iana","extensions":["uvp","uvvp"]},"video/vnd.dece.sd":{"source":"iana","extensions":["uvs","uvvs"]},"video/vnd.dece.video":{"source":"iana","extensions":["uvv","uvvv"]},"video/vnd.directv.mpeg":{"source":"iana"},"video/vnd.directv.mpeg-tts":{"source":"iana"},"video/vnd.dlna.mpeg-tts":{"source":"iana"},"video/vnd.dvb.file":{"source":"iana","extensions":["dvb"]},"video/vnd.fvt":{"source":"iana","extensions":["fvt"]},"video/vnd.hns.video":{"source":"iana"},"video/vnd.iptvforum.1dparityfec-1010":{"source":"iana"},"video/vnd.iptvforum.1dparityfec-2005":{"source":"iana"},"video/vnd.iptvforum.2dparityfec-1010":{"source":"iana"},"video/vnd.iptvforum.2dparityfec-2005":{"source":"iana"},"video/vnd.iptvforum.ttsavc":{"source":"iana"},"video/vnd.iptvforum.ttsmpeg2":{"source":"iana"},"video/vnd.motorola.video":{"source":"iana"},"video/vnd.motorola.videop":{"source":"iana"},"video/vnd.mpegurl":{"source":"iana","extensions":["mxu","m4u"]},"video/vnd.ms-playready.media.pyv":{"source":"iana","extensions":["pyv"]},"video/vnd.nokia.interleaved-multimedia":{"source":"iana"},"video/vnd.nokia.mp4vr":{"source":"iana"},"video/vnd.nokia.videovoip":{"source":"iana"},"video/vnd.objectvideo":{"source":"iana"},"video/vnd.planar":{"source":"iana"},"video/vnd.radgamettools.bink":{"source":"iana"},"video/vnd.radgamettools.smacker":{"source":"apache"},"video/vnd.sealed.mpeg1":{"source":"iana"},"video/vnd.sealed.mpeg4":{"source":"iana"},"video/vnd.sealed.swf":{"source":"iana"},"video/vnd.sealedmedia.softseal.mov":{"source":"iana"},"video/vnd.uvvu.mp4":{"source":"iana","extensions":["uvu","uvvu"]},"video/vnd.vivo":{"source":"iana","extensions":["viv"]},"video/vnd.youtube.yt":{"source":"iana"},"video/vp8":{"source":"iana"},"video/vp9":{"source":"iana"},"video/webm":{"source":"apache","compressible":false,"extensions":["webm"]},"video/x-f4v":{"source":"apache","extensions":["f4v"]},"video/x-fli":{"source":"apache","extensions":["fli"]},"video/x-flv":{"source":"apache","compressible":false,"extensions":["flv"]},"video/x-m4v":{"source":"apache","extensions":["m4v"]},"video/x-matroska":{"source":"apache","compressible":false,"extensions":["mkv","mk3d","mks"]},"video/x-mng":{"source":"apache","extensions":["mng"]},"video/x-ms-asf":{"source":"apache","extensions":["asf","asx"]},"video/x-ms-vob":{"source":"apache","extensions":["vob"]},"video/x-ms-wm":{"source":"apache","extensions":["wm"]},"video/x-ms-wmv":{"source":"apache","compressible":false,"extensions":["wmv"]},"video/x-ms-wmx":{"source":"apache","extensions":["wmx"]},"video/x-ms-wvx":{"source":"apache","extensions":["wvx"]},"video/x-msvideo":{"source":"apache","extensions":["avi"]},"video/x-sgi-movie":{"source":"apache","extensions":["movie"]},"video/x-smv":{"source":"apache","extensions":["smv"]},"x-conference/x-cooltalk":{"source":"apache","extensions":["ice"]},"x-shader/x-fragment":{"compressible":true},"x-shader/x-vertex":{"compressible":true}}');

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
