/*
 * DVK: Tasklist configuration. This file shadows the one shipped in
 * camunda-webapp-webjar 7.24.0 (same classpath path; the application's own
 * classes come first on the classpath). The shipped file is Apache-2.0
 * licensed by Camunda Services GmbH; the shortcuts below are its defaults
 * with the descriptions translated, because Tasklist shows them as-is in the
 * keyboard-shortcut dialog.
 *
 * Locale choice (camunda-tasklist-bootstrap.js 7.24.0): the first language of
 * the browser (navigator.languages[0], e.g. "en-US" -> "en") is used if it is
 * listed in availableLocales; otherwise fallbackLocale is used. "en" is left
 * out on purpose: listing it would show English to every browser set to
 * English. Only "vi" is offered, so every user gets Vietnamese.
 */

export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },

  // moment.js formats; dd/MM/yyyy whatever the locale
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận xử lý việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển đến bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển đến việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển đến ô nhập liệu đầu tiên trong biểu mẫu của việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Mở hộp thoại bắt đầu quy trình'
    }
  }
};
