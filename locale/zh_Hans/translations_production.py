"""Chinese wording of the production pieces' interface strings (503 page, admin lockout)."""

TRANSLATIONS = {
    "Temporarily unavailable": "暂时无法访问",
    "The site is briefly unavailable": "网站暂时无法访问",
    "We are working on it. Please try again in a minute or two.": "我们正在处理，请稍等一两分钟后再试。",
    "Too many failed sign-in attempts. Please try again later.": "登录失败次数过多，请稍后再试。",
}
