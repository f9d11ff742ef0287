-- Drives the language server from neovim (0.7+) as a user's init.lua would: start the client for a
-- Continue config, wait for diagnostics, apply the preferred quick fix, save, and wait for the
-- diagnostics to clear. Writes what it saw as JSON to $MKD_RESULT, then quits.
local server = os.getenv('MKD_SERVER')
local result_path = os.getenv('MKD_RESULT')
local seen = { steps = {} }

local function finish(status)
  seen.status = status
  local file = io.open(result_path, 'w')
  file:write(vim.fn.json_encode(seen))
  file:close()
  vim.cmd('qall!')
end

local function step(name, value)
  table.insert(seen.steps, name)
  if value ~= nil then seen[name] = value end
end

local ok, failure = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'mistral-key-doctor',
    cmd = { server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    init_options = { now = '2025-09-01T00:00:00Z', preferredCodestralModel = 'codestral-2501' },
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(0, client_id)
  step('attached')

  assert(vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50), 'no diagnostics arrived')
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(diagnostics, { lnum = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message, source = d.source })
  end
  step('diagnostics', diagnostics)

  local first = vim.diagnostic.get(0)[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, first.lnum) }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000)
  local chosen
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      if action.isPreferred and action.edit then chosen = action end
    end
  end
  assert(chosen, 'no preferred quick fix with an edit')
  step('action', { title = chosen.title, kind = chosen.kind })
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  vim.cmd('write')
  step('applied', vim.api.nvim_buf_get_lines(0, 0, -1, false))

  assert(vim.wait(15000, function() return #vim.diagnostic.get(0) == 0 end, 50), 'the diagnostics did not clear after the fix')
  step('cleared')
end)
finish(ok and 'ok' or tostring(failure))
