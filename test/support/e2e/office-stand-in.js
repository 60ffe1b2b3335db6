/* global window, navigator */
/*
 * A minimal Office.js stand-in for browser tests of the custom functions: Office reports "no host" (a plain
 * browser tab, as outside Excel) and CustomFunctions records every associate() call so the test can call
 * the registered functions exactly as Excel would, and CustomFunctions.Error carries Excel's error codes.
 */
(function () {
  var registered = {};
  function CustomFunctionError(code, message) {
    var error = new Error(message || "");
    error.name = "CustomFunctions.Error";
    error.code = code;
    Object.setPrototypeOf(error, CustomFunctionError.prototype);
    return error;
  }
  CustomFunctionError.prototype = Object.create(Error.prototype);
  window.__eolAssociated = registered;
  window.CustomFunctions = {
    associate: function (id, fn) {
      registered[id] = fn;
    },
    Error: CustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
      busy: "#BUSY!",
    },
  };
  window.Office = {
    onReady: function (callback) {
      var info = { host: null, platform: null };
      if (callback) callback(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: navigator.language,
      requirements: {
        isSetSupported: function () {
          return false;
        },
      },
    },
    HostType: { Excel: "Excel" },
  };
})();
